package org.lightlyjava.server.service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.lightlyjava.api.model.JobStatusData;

/** Jobs in memory, the newest 10,000; a restart forgets them. */
public final class MemoryJobs implements JobRegistry {

    private static final int KEEP = 10_000;

    private final Ids ids;
    private final Clock clock;
    private final Map<String, Job> jobs =
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
                    return size() > KEEP;
                }
            };

    private record Job(
            String userId,
            String resultType,
            String status,
            long createdAt,
            Long finishedAt,
            String error,
            String resultData) {}

    public MemoryJobs(Ids ids, Clock clock) {
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public synchronized String start(String userId, String resultType) {
        return add(userId, resultType, "RUNNING");
    }

    @Override
    public synchronized String queue(String userId, String resultType) {
        return add(userId, resultType, "WAITING");
    }

    @Override
    public synchronized void running(String jobId) {
        move(jobId, "RUNNING", null, null, null);
    }

    @Override
    public synchronized void finish(String jobId, String resultData) {
        move(jobId, "FINISHED", clock.millis(), null, resultData);
    }

    @Override
    public synchronized void fail(String jobId, String error) {
        move(jobId, "FAILED", clock.millis(), error, null);
    }

    private String add(String userId, String resultType, String status) {
        String id = ids.next();
        jobs.put(id, new Job(userId, resultType, status, clock.millis(), null, null, null));
        return id;
    }

    private void move(
            String jobId, String status, Long finishedAt, String error, String resultData) {
        jobs.computeIfPresent(
                jobId,
                (id, job) ->
                        new Job(
                                job.userId(),
                                job.resultType(),
                                status,
                                job.createdAt(),
                                finishedAt,
                                error,
                                resultData));
    }

    @Override
    public synchronized Optional<JobStatusData> find(String userId, String jobId) {
        Job job = jobs.get(jobId);
        if (job == null || !job.userId().equals(userId)) {
            return Optional.empty();
        }
        boolean running = job.finishedAt() == null;
        JobStatusData.JobResult result =
                job.resultData() == null
                        ? null
                        : new JobStatusData.JobResult(job.resultType(), job.resultData());
        return Optional.of(
                new JobStatusData(
                        jobId,
                        job.status(),
                        null,
                        running ? 1 : 0,
                        job.createdAt(),
                        job.finishedAt(),
                        job.error(),
                        result));
    }
}
