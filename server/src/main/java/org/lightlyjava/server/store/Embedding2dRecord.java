package org.lightlyjava.server.store;

/** A 2D projection of an embedding; its coordinates are a file in the data folder. */
public record Embedding2dRecord(
        String id,
        String embeddingId,
        String datasetId,
        String name,
        String method,
        long createdAt) {}
