package org.lightlyjava.api.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A tag: a subset of the dataset's samples as a bitmask over their creation order ({@link
 * org.lightlyjava.api.BitMask}).
 */
public record TagData(
        String id,
        String datasetId,
        String prevTagId,
        String queryTagId,
        String preselectedTagId,
        String name,
        String bitMaskData,
        long totSize,
        long createdAt,
        Long lastModifiedAt,
        JsonNode changes,
        String runId,
        String creator) {}
