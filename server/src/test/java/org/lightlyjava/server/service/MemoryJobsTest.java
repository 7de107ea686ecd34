package org.lightlyjava.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.model.JobStatusData;

class MemoryJobsTest {

    private final Clock clock = Clock.fixed(Instant.ofEpochMilli(5000), ZoneOffset.UTC);
    private final MemoryJobs jobs = new MemoryJobs(new Ids(clock), clock);

    @Test
    void queuedJob_waitsRunsAndFinishes_pollAgainInOneSecondUntilItEnds() {
        String id = jobs.queue("u", "SAMPLING");
        JobStatusData waiting = jobs.find("u", id).orElseThrow();
        assertThat(waiting.status()).isEqualTo("WAITING");
        assertThat(waiting.waitTimeTillNextPoll()).isEqualTo(1);
        assertThat(waiting.createdAt()).isEqualTo(5000);

        jobs.running(id);
        assertThat(jobs.find("u", id).orElseThrow().status()).isEqualTo("RUNNING");
        jobs.finish(id, "tag");
        JobStatusData done = jobs.find("u", id).orElseThrow();
        assertThat(done.status()).isEqualTo("FINISHED");
        assertThat(done.waitTimeTillNextPoll()).isZero();
        assertThat(done.finishedAt()).isEqualTo(5000);
        assertThat(done.result()).isEqualTo(new JobStatusData.JobResult("SAMPLING", "tag"));
        assertThat(jobs.find("someone else", id)).isEmpty();
    }

    @Test
    void failedJob_carriesItsError() {
        String id = jobs.queue("u", "DUPLICATES");
        jobs.fail(id, "no");
        JobStatusData failed = jobs.find("u", id).orElseThrow();
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.error()).isEqualTo("no");
        assertThat(failed.result()).isNull();
        assertThat(failed.waitTimeTillNextPoll()).isZero();
    }
}
