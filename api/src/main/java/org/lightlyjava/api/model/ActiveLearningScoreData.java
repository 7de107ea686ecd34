package org.lightlyjava.api.model;

/**
 * {@code GET /v1/datasets/{id}/tags/{tagId}/scores/{scoreId}}: one score type's values, one per
 * sample of the tag in the tag's order (reference §12).
 *
 * @param createdAt Unix milliseconds
 */
public record ActiveLearningScoreData(
        String id, String tagId, String scoreType, double[] scores, long createdAt) {}
