package org.lightlyjava.api.model;

/**
 * {@code GET /v1/jobs/{jobId}}: status {@code UNKNOWN}, {@code WAITING}, {@code RUNNING}, {@code
 * FAILED} or {@code FINISHED}; poll again after {@code waitTimeTillNextPoll} seconds.
 */
public record JobStatusData(
        String id,
        String status,
        JobStatusMeta meta,
        Integer waitTimeTillNextPoll,
        long createdAt,
        Long finishedAt,
        String error,
        JobResult result) {

    /**
     * What a finished job produced, for example {@code {"type": "SAMPLING", "data": "<tagId>"}}.
     */
    public record JobResult(String type, String data) {}
}
