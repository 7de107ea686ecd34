package org.lightlyjava.api.model;

/**
 * A dataset as the API returns it. Times are milliseconds since the epoch, {@code
 * datasourceProcessedUntilTimestamp} seconds.
 */
public record DatasetData(
        String id,
        String name,
        String userId,
        String accessType,
        String type,
        String imgType,
        long nSamples,
        long sizeInBytes,
        long createdAt,
        long lastModifiedAt,
        Long datasourceProcessedUntilTimestamp,
        String parentDatasetId) {}
