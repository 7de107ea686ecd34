package org.lightlyjava.server.store;

/**
 * Active-learning scores of a tag: one value per sample of the tag, in the tag's order.
 *
 * @param bitMaskData the tag's bitmask when the scores came: value {@code i} belongs to the sample
 *     of its {@code i}-th set bit
 * @param values the scores; null in listings, which leave them out
 * @param count how many values there are
 */
public record ScoreRecord(
        String id,
        String datasetId,
        String tagId,
        String scoreType,
        String bitMaskData,
        int count,
        double[] values,
        long createdAt) {

    /** The same record without its values. */
    public ScoreRecord summary() {
        return new ScoreRecord(
                id, datasetId, tagId, scoreType, bitMaskData, count, null, createdAt);
    }
}
