package org.lightlyjava.api.model;

/**
 * {@code POST .../tags/arithmetics(/bitmask)}: operation {@code UNION}, {@code INTERSECTION},
 * {@code DIFFERENCE}.
 */
public record TagArithmeticsRequest(
        String tagId1,
        String tagId2,
        String operation,
        String newTagName,
        String creator,
        String runId) {}
