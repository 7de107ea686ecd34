package org.lightlyjava.server.service;

import java.time.Clock;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;
import org.lightlyjava.api.BitMask;
import org.lightlyjava.api.model.ActiveLearningScoreData;
import org.lightlyjava.api.model.TagActiveLearningScoresData;
import org.lightlyjava.server.store.DatasetRecord;
import org.lightlyjava.server.store.MissingException;
import org.lightlyjava.server.store.ScoreRecord;
import org.lightlyjava.server.store.ScoreStore;
import org.lightlyjava.server.store.TagRecord;

/**
 * Active-learning scores per tag (Lightly's {@code ScoresApi}): one finite number per sample of the
 * tag, in the tag's order, under a score type such as {@code uncertainty_entropy}. Uploading a type
 * again replaces its values. A request is checked completely before anything is stored.
 */
public final class ScoreService {

    /** Lightly's pattern for {@code scoreType} (its newer clients check it too). */
    private static final Pattern SCORE_TYPE = Pattern.compile("[a-zA-Z0-9_+=,.@:/-]{1,255}");

    /** A parsed upload: {@code scores} null when the body had none. */
    public record Upload(String scoreType, double[] scores) {}

    private final ScoreStore store;
    private final TagService tags;
    private final Ids ids;
    private final Clock clock;

    ScoreService(ScoreStore store, TagService tags, Ids ids, Clock clock) {
        this.store = store;
        this.tags = tags;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Stores the scores of a tag; answers their id (the same id when the type is replaced).
     *
     * @throws ApiProblem 400 naming the field for a bad type or values, or a count that differs
     *     from the tag's size; 404 for an unknown tag
     */
    public String put(DatasetRecord dataset, String tagId, Upload upload) {
        TagRecord tag = tags.get(dataset, tagId);
        String type = scoreType(upload.scoreType());
        double[] values = upload.scores();
        if (values == null) {
            throw ApiProblem.badRequest("scores is missing: an array of numbers, one per sample");
        }
        int size = BitMask.parse(tag.bitMaskData()).toBitSet().cardinality();
        if (values.length != size) {
            throw ApiProblem.badRequest(
                    "scores has "
                            + values.length
                            + " values, but tag '"
                            + tag.name()
                            + "' holds "
                            + size
                            + " samples: one score per sample of the tag, in the tag's order");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw ApiProblem.badRequest(
                        "scores[" + i + "] must be a finite number, got " + values[i]);
            }
        }
        ScoreRecord record =
                new ScoreRecord(
                        ids.next(),
                        dataset.id(),
                        tag.id(),
                        type,
                        tag.bitMaskData(),
                        values.length,
                        values,
                        clock.millis());
        try {
            return store.put(record).id();
        } catch (MissingException e) {
            throw ApiProblem.notFound("NOT_FOUND", "tag " + tagId + " was deleted meanwhile");
        }
    }

    /** The score types of a tag. */
    public List<TagActiveLearningScoresData> list(DatasetRecord dataset, String tagId) {
        TagRecord tag = tags.get(dataset, tagId);
        return store.listByTag(dataset.id(), tag.id()).stream()
                .map(
                        r ->
                                new TagActiveLearningScoresData(
                                        r.id(), r.tagId(), r.scoreType(), r.createdAt()))
                .toList();
    }

    /**
     * One score type's values.
     *
     * @throws ApiProblem 404 for an unknown tag or score, or a score of another tag
     */
    public ActiveLearningScoreData get(DatasetRecord dataset, String tagId, String scoreId) {
        TagRecord tag = tags.get(dataset, tagId);
        ScoreRecord r = find(dataset, scoreId);
        if (!r.tagId().equals(tag.id())) {
            throw unknownScore(scoreId);
        }
        return new ActiveLearningScoreData(
                r.id(), r.tagId(), r.scoreType(), r.values(), r.createdAt());
    }

    /** Every score of the dataset, without values. */
    public List<ScoreRecord> ofDataset(DatasetRecord dataset) {
        return store.listByDataset(dataset.id());
    }

    /**
     * A score with its values.
     *
     * @throws ApiProblem 400 for a malformed id, 404 for an unknown one
     */
    public ScoreRecord find(DatasetRecord dataset, String scoreId) {
        Ids.require(scoreId, "scoreId");
        return store.find(dataset.id(), scoreId).orElseThrow(() -> unknownScore(scoreId));
    }

    /**
     * The scores a selection uses: of {@code tag}, of type {@code scoreType}, or without one the
     * first type uploaded for the tag.
     *
     * @throws ApiProblem 400 when the tag has no such scores
     */
    ScoreRecord forSelection(DatasetRecord dataset, TagRecord tag, String scoreType) {
        List<ScoreRecord> all = store.listByTag(dataset.id(), tag.id());
        ScoreRecord chosen =
                all.stream()
                        .filter(r -> scoreType == null || r.scoreType().equals(scoreType))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        ApiProblem.badRequest(
                                                (scoreType == null
                                                                ? "tag '"
                                                                        + tag.name()
                                                                        + "' has no"
                                                                        + " active-learning scores"
                                                                : "scoreType: tag '"
                                                                        + tag.name()
                                                                        + "' has no scores of"
                                                                        + " type '"
                                                                        + Ids.shorten(scoreType)
                                                                        + "'")
                                                        + ": upload them first with POST"
                                                        + " /v1/datasets/{datasetId}/tags/"
                                                        + tag.id()
                                                        + "/scores"));
        return find(dataset, chosen.id());
    }

    /** Sample index → score, for the samples the scores cover. */
    static double[] byIndex(ScoreRecord scores, int size) {
        double[] out = new double[size];
        Arrays.fill(out, Double.NaN);
        BitSet bits = BitMask.parse(scores.bitMaskData()).toBitSet();
        int k = 0;
        for (int i = bits.nextSetBit(0);
                i >= 0 && k < scores.values().length;
                i = bits.nextSetBit(i + 1)) {
            if (i < size) {
                out[i] = scores.values()[k];
            }
            k++;
        }
        return out;
    }

    private static String scoreType(String type) {
        if (type == null) {
            throw ApiProblem.badRequest("scoreType is missing: a name such as uncertainty_entropy");
        }
        if (!SCORE_TYPE.matcher(type).matches()) {
            throw ApiProblem.badRequest(
                    "scoreType must be 1 to 255 of a-z A-Z 0-9 _ + = , . @ : / -, got '"
                            + Ids.shorten(type)
                            + "'");
        }
        return type;
    }

    private static ApiProblem unknownScore(String scoreId) {
        return ApiProblem.notFound(
                "NOT_FOUND", "score " + scoreId + " does not exist for this tag");
    }
}
