package org.lightlyjava.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.lightlyjava.api.BitMask;
import org.lightlyjava.api.model.JobStatusData;
import org.lightlyjava.api.model.TagData;
import org.lightlyjava.api.model.WriteCsvUrlData;

/**
 * A dataset made through the API with samples {@code img_000.jpg ...}, its initial tag and an
 * uploaded embedding of the given points.
 */
public record Embedded(Api api, String datasetId, String embeddingId, String initialTagId) {

    public static Embedded create(Api api, String datasetId, float[][] points) {
        Fixtures.samples(api, datasetId, points.length);
        Response initial =
                api.post(
                        "/v1/datasets/" + datasetId + "/tags/initial",
                        Fixtures.body("imgType", "thumbnail"));
        assertThat(initial.status()).as(initial.body()).isEqualTo(200);
        StringBuilder csv = new StringBuilder("filenames");
        for (int d = 0; d < points[0].length; d++) {
            csv.append(",embedding_").append(d);
        }
        csv.append(",labels\n");
        for (int i = 0; i < points.length; i++) {
            csv.append(String.format("img_%03d.jpg", i));
            for (float value : points[i]) {
                csv.append(',').append(value);
            }
            csv.append(",0\n");
        }
        WriteCsvUrlData url =
                api.get("/v1/datasets/" + datasetId + "/embeddings/writeCSVUrl?name=default")
                        .as(WriteCsvUrlData.class);
        Response put =
                Api.putUrl(url.signedWriteUrl(), csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        return new Embedded(api, datasetId, url.embeddingId(), initial.json().get("id").asText());
    }

    /** {@code /v1/datasets/<id>/embeddings/<id>} followed by {@code rest}. */
    public String path(String rest) {
        return "/v1/datasets/" + datasetId + "/embeddings/" + embeddingId + rest;
    }

    public TagData tag(String tagId) {
        return api.get("/v1/datasets/" + datasetId + "/tags/" + tagId).as(TagData.class);
    }

    /** Makes a tag of the samples with these indices; returns its id. */
    public String newTag(String name, int... indices) {
        Response r =
                api.post(
                        "/v1/datasets/" + datasetId + "/tags",
                        Fixtures.body(
                                "name",
                                name,
                                "prevTagId",
                                initialTagId,
                                "bitMaskData",
                                BitMask.of(indices).toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asText();
    }

    /** Waits for the job a request started, polling every 20 ms; returns how it ended. */
    public JobStatusData await(Response started) {
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String jobId = started.json().get("jobId").asText();
        for (int i = 0; i < 1000; i++) {
            JobStatusData job = api.get("/v1/jobs/" + jobId).as(JobStatusData.class);
            if (job.status().equals("FINISHED") || job.status().equals("FAILED")) {
                return job;
            }
            assertThat(job.waitTimeTillNextPoll()).isEqualTo(1);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("job " + jobId + " did not end within 20 s");
    }
}
