package org.lightlyjava.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.BitMask;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.client.RetryPolicy;
import org.lightlyjava.api.model.JobStatusData;
import org.lightlyjava.api.model.SamplingCreateRequest;
import org.lightlyjava.api.model.TagData;
import org.lightlyjava.server.testing.Embedded;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/** Sampling (CORESET, RANDOM) over HTTP: jobs, the new tag, refusals. */
class SelectionRoutesTest extends ServerTestBase {

    /** Samples at x = 0, 1, ..., n-1 (2-d, y = 0). */
    private Embedded line(int n) {
        float[][] points = new float[n][];
        for (int i = 0; i < n; i++) {
            points[i] = new float[] {i, 0};
        }
        return Embedded.create(alice, newDataset(), points);
    }

    private static SamplingCreateRequest coreset(String name, int n) {
        return SamplingCreateRequest.of(name, "CORESET", n, -1);
    }

    @Test
    void coreset_throughLightlyClient_makesATagOfTheFarthestSamples() throws Exception {
        Embedded line = line(11);
        LightlyClient client =
                new LightlyClient(
                        URI.create(alice.base()),
                        alice.token(),
                        new RetryPolicy(1, Duration.ZERO, Duration.ZERO),
                        "test");
        String jobId =
                client.startSampling(line.datasetId(), line.embeddingId(), coreset("coreset-3", 3));
        JobStatusData job = client.waitForJob(jobId, Duration.ofSeconds(30));
        assertThat(job.status()).as(job.error()).isEqualTo("FINISHED");
        assertThat(job.waitTimeTillNextPoll()).isZero();
        assertThat(job.finishedAt()).isNotNull();
        assertThat(job.result().type()).isEqualTo("SAMPLING");

        TagData tag = client.tag(line.datasetId(), job.result().data());
        assertThat(tag.bitMaskData()).isEqualTo("0x421"); // samples 0, 5 and 10
        assertThat(tag.name()).isEqualTo("coreset-3");
        assertThat(tag.totSize()).isEqualTo(11);
        assertThat(tag.prevTagId()).isEqualTo(line.initialTagId());
        assertThat(tag.creator()).isEqualTo("SAMPLER_CORESET");
        assertThat(tag.queryTagId()).isNull();
    }

    @Test
    void coreset_keepsThePreselected_choosesFromTheQueryTag_stopsAtMinDistance() {
        Embedded line = line(11);
        String pre = line.newTag("preselected", 10);
        String query = line.newTag("first eight", 0, 1, 2, 3, 4, 5, 6, 7);
        SamplingCreateRequest request = coreset("chosen", 3).withTags(pre, query);
        TagData tag =
                line.tag(line.await(alice.post(line.path("/sampling"), request)).result().data());
        // from 10 the farthest of 0..7 is 0, then 5 (5 from both)
        assertThat(BitMask.parse(tag.bitMaskData()).indices()).containsExactly(0, 5, 10);
        assertThat(tag.prevTagId()).isEqualTo(query);
        assertThat(tag.queryTagId()).isEqualTo(query);
        assertThat(tag.preselectedTagId()).isEqualTo(pre);

        SamplingCreateRequest spaced = SamplingCreateRequest.of("spaced", "CORESET", 11, 3.0);
        JobStatusData job = line.await(alice.post(line.path("/sampling"), spaced));
        assertThat(BitMask.parse(line.tag(job.result().data()).bitMaskData()).indices())
                .containsExactly(0, 5, 10);
    }

    @Test
    void random_isTheSameForTheSameRequest() {
        Embedded first = line(40);
        Embedded second = line(40);
        SamplingCreateRequest request = SamplingCreateRequest.of("random 10", "RANDOM", 10, -1);
        JobStatusData a = first.await(alice.post(first.path("/sampling"), request));
        JobStatusData b = second.await(alice.post(second.path("/sampling"), request));
        TagData tagA = first.tag(a.result().data());
        assertThat(BitMask.parse(tagA.bitMaskData()).count()).isEqualTo(10);
        assertThat(tagA.bitMaskData()).isEqualTo(second.tag(b.result().data()).bitMaskData());
        assertThat(tagA.creator()).isEqualTo("SAMPLER_RANDOM");
    }

    @Test
    void refusals() {
        Embedded line = line(5);
        String path = line.path("/sampling");
        String pre = line.newTag("three", 0, 1, 2);
        refused(alice.post(path, SamplingCreateRequest.of("x-1", "FANCY", 2, -1)), 400);
        Response al = alice.post(path, SamplingCreateRequest.of("x-2", "ACTIVE_LEARNING", 2, -1));
        refused(al, 400);
        assertThat(al.message()).contains("has no active-learning scores").contains("/scores");
        refused(alice.post(path, SamplingCreateRequest.of("x-3", "CORAL", 2, -1)), 400);
        Response taken = alice.post(path, coreset("three", 2));
        refused(taken, 409);
        assertThat(taken.code()).isEqualTo("TAG_NAME_EXISTS");
        refused(alice.post(path, coreset("!bad", 2)), 400);
        refused(alice.post(path, coreset("x-4", 0)), 400);
        Response few = alice.post(path, coreset("x-5", 2).withTags(pre, null));
        refused(few, 400);
        assertThat(few.message()).contains("3 preselected");
        refused(alice.post(path, Fixtures.body("newTagName", "x-6", "method", "RANDOM")), 400);
        String unknown = "/v1/datasets/" + line.datasetId() + "/embeddings/" + "0".repeat(24);
        refused(alice.post(unknown + "/sampling", coreset("x-7", 2)), 404);
        Response other = bob.post(path, coreset("x-8", 2));
        refused(other, 404);
        assertThat(other.code()).isEqualTo("DATASET_UNKNOWN");
        refused(anonymous.post(path, coreset("x-9", 2)), 401);
        assertThat(alice.get("/v1/datasets/" + line.datasetId() + "/tags").json()).hasSize(2);
    }

    @Test
    void samplesWithoutEmbedding_areRefused() {
        Embedded line = line(4);
        Fixtures.samples(alice, line.datasetId(), 6); // two more samples, none in the embedding
        Response all = alice.post(line.path("/sampling"), coreset("all", 2));
        refused(all, 400);
        assertThat(all.message()).contains("4 rows").contains("sample index 5");
    }

    private static void refused(Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
    }
}
