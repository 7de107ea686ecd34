package org.lightlyjava.server.store;

/**
 * A prediction task's schema for one version of a dataset's predictions.
 *
 * @param version the {@code predictionUUIDTimestamp} (Unix ms) it belongs to
 * @param schemaJson the schema as JSON text, checked
 */
public record PredictionTaskRecord(
        String id,
        String datasetId,
        long version,
        String taskName,
        String schemaJson,
        long createdAt) {}
