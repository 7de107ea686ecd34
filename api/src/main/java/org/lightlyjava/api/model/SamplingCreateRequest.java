package org.lightlyjava.api.model;

/**
 * {@code POST /v1/datasets/{id}/embeddings/{embeddingId}/sampling} (reference §12): selects samples
 * into a new tag; answers {@link AsyncTaskData}, a job whose result is the new tag's id.
 *
 * @param newTagName the new tag's name, pattern {@code ^[a-zA-Z0-9][a-zA-Z0-9 .:;=@_-]+$}
 * @param method {@code CORESET} or {@code RANDOM} (Lightly also knows {@code ACTIVE_LEARNING} and
 *     {@code CORAL})
 * @param preselectedTagId samples that are selected already; they stay selected and count towards
 *     {@code nSamples}
 * @param queryTagId the samples to choose from; absent: all samples
 * @param scoreType for active learning, for example {@code uncertainty_entropy}
 * @param rowCount Lightly's client sends the size of the first tag
 */
public record SamplingCreateRequest(
        String newTagName,
        String method,
        Config config,
        String preselectedTagId,
        String queryTagId,
        String scoreType,
        Long rowCount) {

    /** {@code {"stoppingCondition": {...}}}. */
    public record Config(StoppingCondition stoppingCondition) {}

    /**
     * @param nSamples how many samples the new tag holds, preselected ones included
     * @param minDistance stop early when the farthest remaining sample is closer than this to the
     *     selected ones; -1: never
     */
    public record StoppingCondition(Integer nSamples, Double minDistance) {}

    /** A request without preselected or query tag. */
    public static SamplingCreateRequest of(
            String newTagName, String method, int nSamples, double minDistance) {
        return new SamplingCreateRequest(
                newTagName,
                method,
                new Config(new StoppingCondition(nSamples, minDistance)),
                null,
                null,
                null,
                null);
    }

    /** The same request with a preselected and a query tag (either may be null). */
    public SamplingCreateRequest withTags(String preselected, String query) {
        return new SamplingCreateRequest(
                newTagName, method, config, preselected, query, scoreType, rowCount);
    }
}
