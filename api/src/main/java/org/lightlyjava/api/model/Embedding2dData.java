package org.lightlyjava.api.model;

import java.util.List;

/** A 2D projection of an embedding, one coordinate pair per sample in creation order. */
public record Embedding2dData(
        String id,
        String datasetId,
        String embeddingId,
        String name,
        long createdAt,
        String dimensionalityReductionMethod,
        List<Double> coordinatesDimension1,
        List<Double> coordinatesDimension2) {}
