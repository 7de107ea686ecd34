package org.lightlyjava.server.store;

import java.util.List;
import java.util.Optional;

/** Prediction task schemas per dataset, version and task name. */
public interface PredictionTaskStore {

    /**
     * Stores a schema, replacing the one of the same version and name (which keeps its id).
     *
     * @return the stored record's id
     * @throws MissingException when the dataset is gone
     */
    String put(PredictionTaskRecord task);

    /** The schemas of a version, or (null) the newest version of each task, by name. */
    List<PredictionTaskRecord> list(String datasetId, Long version);

    Optional<PredictionTaskRecord> find(String datasetId, long version, String taskName);
}
