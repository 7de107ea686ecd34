package org.lightlyjava.server.store;

/**
 * A tag: a bitmask ({@code 0x...}) over the dataset's creation order. {@code initial} marks the tag
 * made by {@code tags/initial}; {@code changes} is JSON text or null.
 */
public record TagRecord(
        String id,
        String datasetId,
        String name,
        boolean initial,
        String prevTagId,
        String queryTagId,
        String preselectedTagId,
        String bitMaskData,
        long totSize,
        String creator,
        String changes,
        String runId,
        long createdAt,
        long lastModifiedAt) {}
