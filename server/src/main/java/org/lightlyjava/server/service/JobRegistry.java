package org.lightlyjava.server.service;

import java.util.Optional;
import org.lightlyjava.api.model.JobStatusData;

/**
 * Jobs a client can poll with {@code GET /v1/jobs/{jobId}}: 2D projections, selections and
 * near-duplicate searches. A job belongs to the user who started it.
 */
public interface JobRegistry {

    /** Registers a running job and returns its id. */
    String start(String userId, String resultType);

    /** Registers a job that waits for its turn ({@code WAITING}) and returns its id. */
    String queue(String userId, String resultType);

    /** Marks a waiting job running. */
    void running(String jobId);

    /** Marks a job finished with its result, for example the id of what it made. */
    void finish(String jobId, String resultData);

    /** Marks a job failed. */
    void fail(String jobId, String error);

    /** The job, if it exists and belongs to the user. */
    Optional<JobStatusData> find(String userId, String jobId);
}
