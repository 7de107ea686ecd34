package org.lightlyjava.server.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The groups found by the newest {@value #KEEP} near-duplicate jobs, in memory beside the jobs
 * themselves (a restart forgets both; the tags stay).
 */
final class DuplicateResults {

    static final int KEEP = 100;

    /**
     * @param groups per group, the sample indices in dataset order
     */
    record Result(
            String datasetId,
            String embeddingId,
            double maxDistance,
            int[][] groups,
            String tagId) {}

    private final Map<String, Result> results =
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Result> eldest) {
                    return size() > KEEP;
                }
            };

    synchronized void put(String jobId, Result result) {
        results.put(jobId, result);
    }

    synchronized Optional<Result> find(String jobId) {
        return Optional.ofNullable(results.get(jobId));
    }
}
