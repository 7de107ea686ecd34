package org.lightlyjava.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.BitMask;
import org.lightlyjava.server.testing.Embedded;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/**
 * {@code ApiWorkflowClient.upload_scores} then {@code selection(SelectionConfig(method=
 * ACTIVE_LEARNING or CORAL, ...))} as Lightly's Python client sends them: scores to the query tag
 * (else the initial tag), then the sampling request without {@code scoreType}, polling the job.
 */
class ActiveLearningContractTest extends ServerTestBase {

    /** The unit vectors of n dimensions: every two samples equally far apart. */
    private Embedded simplex(int n) {
        float[][] points = new float[n][n];
        for (int i = 0; i < n; i++) {
            points[i][i] = 1;
        }
        return Embedded.create(alice, newDataset(), points);
    }

    /** Samples at x = 0, 1, ..., n-1. */
    private Embedded line(int n) {
        float[][] points = new float[n][];
        for (int i = 0; i < n; i++) {
            points[i] = new float[] {i, 0};
        }
        return Embedded.create(alice, newDataset(), points);
    }

    private static void uploadScores(
            PythonClientCalls client, Embedded d, String tagId, String type, String values) {
        Response r =
                client.post(
                        "/v1/datasets/" + d.datasetId() + "/tags/" + tagId + "/scores",
                        "{\"scoreType\": \"" + type + "\", \"scores\": " + values + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    /** The client's selection(): tags, embeddings, tags, the request, polling, the new tag. */
    private static List<Integer> select(PythonClientCalls client, Embedded d, String body) {
        String dataset = "/v1/datasets/" + d.datasetId();
        JsonNode tags = client.get(dataset + "/tags").json();
        assertThat(client.get(dataset + "/embeddings").status()).isEqualTo(200);
        Response started =
                client.post(
                        dataset + "/embeddings/" + d.embeddingId() + "/sampling",
                        body.replace("ROWS", String.valueOf(tags.get(0).get("totSize").asLong())));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        JsonNode job = poll(client, started.json().get("jobId").asText());
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("FINISHED");
        JsonNode tag =
                client.get(dataset + "/tags/" + job.get("result").get("data").asText()).json();
        List<Integer> out = new ArrayList<>();
        for (int i : BitMask.parse(tag.get("bitMaskData").asText()).indices()) {
            out.add(i);
        }
        return out;
    }

    private static JsonNode poll(PythonClientCalls client, String jobId) {
        for (int i = 0; i < 1000; i++) {
            JsonNode job = client.get("/v1/jobs/" + jobId).json();
            String status = job.get("status").asText();
            if (status.equals("FINISHED") || status.equals("FAILED")) {
                return job;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("job did not end");
    }

    private static String request(String name, String method, int n, double minDistance) {
        return "{\"newTagName\": \""
                + name
                + "\", \"method\": \""
                + method
                + "\", \"config\": {\"stoppingCondition\": {\"nSamples\": "
                + n
                + ", \"minDistance\": "
                + minDistance
                + "}}, \"rowCount\": ROWS}";
    }

    @Test
    void activeLearning_withEqualDistances_takesTheHighestScores() {
        Embedded d = simplex(6);
        PythonClientCalls client = new PythonClientCalls(alice);
        uploadScores(
                client,
                d,
                d.initialTagId(),
                "uncertainty_margin",
                "[0.2, 0.9, 0.1, 0.5, 0.7, 0.3]");
        assertThat(select(client, d, request("al-3", "ACTIVE_LEARNING", 3, -1)))
                .containsExactly(1, 3, 4);
        JsonNode tags = client.get("/v1/datasets/" + d.datasetId() + "/tags").json();
        JsonNode made = tags.get(tags.size() - 1);
        assertThat(made.get("creator").asText()).isEqualTo("SAMPLER_ACTIVE_LEARNING");
        assertThat(made.get("name").asText()).isEqualTo("al-3");
    }

    @Test
    void coral_withEqualScores_isCoreset() {
        Embedded d = line(11);
        PythonClientCalls client = new PythonClientCalls(alice);
        uploadScores(
                client,
                d,
                d.initialTagId(),
                "s",
                "[0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]");
        assertThat(select(client, d, request("coral-3", "CORAL", 3, -1))).containsExactly(0, 5, 10);
        assertThat(select(client, d, request("coreset-3", "CORESET", 3, -1)))
                .containsExactly(0, 5, 10);
    }

    @Test
    void activeLearning_weighsScoreAgainstDiversity_inTheQueryTag_withPreselected() {
        Embedded d = line(11);
        PythonClientCalls client = new PythonClientCalls(alice);
        String query = d.newTag("unlabeled", 1, 2, 3, 8, 9);
        String labeled = d.newTag("labeled", 0);
        // scores of the query tag, in its order: samples 1, 2, 3, 8, 9
        uploadScores(client, d, query, "uncertainty_entropy", "[0.9, 1.0, 0.2, 0.1, 0.6]");
        String body =
                request("al-q", "ACTIVE_LEARNING", 3, -1)
                        .replace(
                                "\"rowCount\"",
                                "\"preselectedTagId\": \""
                                        + labeled
                                        + "\", \"queryTagId\": \""
                                        + query
                                        + "\", \"rowCount\"");
        // 2: best score (diversity counts from the preselected 0: 2 of 9); then 9, far from 0 and
        // 2 with a fair score, beats 1 (best score left, but next to 0 and 2)
        assertThat(select(client, d, body)).containsExactly(0, 2, 9);
    }

    @Test
    void minDistance_withAllSamples_keepsTheChosenApart() {
        Embedded d = line(11);
        PythonClientCalls client = new PythonClientCalls(alice);
        uploadScores(
                client,
                d,
                d.initialTagId(),
                "s",
                "[0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]");
        List<Integer> picked = select(client, d, request("spaced", "CORAL", 11, 3.0));
        for (int a = 0; a < picked.size(); a++) {
            for (int b = a + 1; b < picked.size(); b++) {
                assertThat(Math.abs(picked.get(a) - picked.get(b))).isGreaterThanOrEqualTo(3);
            }
        }
        assertThat(picked).contains(10).hasSizeBetween(3, 4);
    }

    @Test
    void scoreType_choosesAmongTypes_andUnknownOnesOrMissingScoresAre400() {
        Embedded d = simplex(4);
        PythonClientCalls client = new PythonClientCalls(alice);
        String path =
                "/v1/datasets/" + d.datasetId() + "/embeddings/" + d.embeddingId() + "/sampling";
        Response none =
                client.post(path, request("none", "ACTIVE_LEARNING", 2, -1).replace("ROWS", "4"));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.message()).contains("no active-learning scores");

        uploadScores(client, d, d.initialTagId(), "first", "[1, 0, 0, 0.5]");
        uploadScores(client, d, d.initialTagId(), "second", "[0, 1, 0.5, 0]");
        assertThat(select(client, d, request("by-first", "ACTIVE_LEARNING", 2, -1)))
                .containsExactly(0, 3);
        String second =
                request("by-second", "ACTIVE_LEARNING", 2, -1)
                        .replace("\"rowCount\"", "\"scoreType\": \"second\", \"rowCount\"");
        assertThat(select(client, d, second)).containsExactly(1, 2);

        Response unknown =
                client.post(
                        path,
                        request("unknown-type", "ACTIVE_LEARNING", 2, -1)
                                .replace("ROWS", "4")
                                .replace("\"rowCount\"", "\"scoreType\": \"third\", \"rowCount\""));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.message()).startsWith("scoreType").contains("third");
    }
}
