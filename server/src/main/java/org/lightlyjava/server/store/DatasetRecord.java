package org.lightlyjava.server.store;

/**
 * A dataset. {@code nSamples} is also the index the next sample gets; {@code sizeInBytes} sums the
 * samples' {@code metaData.sizeInBytes}.
 */
public record DatasetRecord(
        String id,
        String userId,
        String name,
        String type,
        String imgType,
        String creator,
        String parentDatasetId,
        long nSamples,
        long sizeInBytes,
        long createdAt,
        long lastModifiedAt) {}
