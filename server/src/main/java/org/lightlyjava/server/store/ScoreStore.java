package org.lightlyjava.server.store;

import java.util.List;
import java.util.Optional;

/** Active-learning scores per tag and score type. */
public interface ScoreStore {

    /**
     * Stores scores, replacing those of the same tag and type (which keep their id).
     *
     * @return the stored record: the given one, or it with the replaced scores' id
     * @throws MissingException when the dataset or tag is gone
     */
    ScoreRecord put(ScoreRecord scores);

    /** The scores of a tag, without values, in creation order. */
    List<ScoreRecord> listByTag(String datasetId, String tagId);

    /** The scores of every tag of a dataset, without values, in creation order. */
    List<ScoreRecord> listByDataset(String datasetId);

    /** Scores with their values. */
    Optional<ScoreRecord> find(String datasetId, String scoreId);
}
