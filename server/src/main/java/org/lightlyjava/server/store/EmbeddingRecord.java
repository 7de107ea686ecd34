package org.lightlyjava.server.store;

/**
 * An embedding of a dataset. {@code processed} once its CSV arrived, was checked and stored in
 * creation order; {@code rowCount} and {@code dimension} are known from then on.
 */
public record EmbeddingRecord(
        String id,
        String datasetId,
        String name,
        boolean processed,
        Long rowCount,
        Integer dimension,
        long createdAt) {}
