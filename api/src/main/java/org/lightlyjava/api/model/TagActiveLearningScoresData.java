package org.lightlyjava.api.model;

/**
 * An entry of {@code GET /v1/datasets/{id}/tags/{tagId}/scores}: a score type uploaded for the tag,
 * without its values.
 *
 * @param createdAt Unix milliseconds
 */
public record TagActiveLearningScoresData(
        String id, String tagId, String scoreType, long createdAt) {}
