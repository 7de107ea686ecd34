package org.lightlyjava.api.model;

/** An embedding of a dataset; {@code isProcessed} once its CSV has arrived and was checked. */
public record DatasetEmbeddingData(
        String id, String name, boolean isProcessed, long createdAt, Boolean is2d) {}
