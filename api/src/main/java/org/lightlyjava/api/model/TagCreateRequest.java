package org.lightlyjava.api.model;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST .../tags}: a new tag from a bitmask. */
public record TagCreateRequest(
        String name,
        String prevTagId,
        String queryTagId,
        String preselectedTagId,
        String bitMaskData,
        Long totSize,
        String creator,
        JsonNode changes,
        String runId) {}
