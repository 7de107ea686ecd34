package org.lightlyjava.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.BitMask;
import org.lightlyjava.server.testing.Embedded;
import org.lightlyjava.server.testing.ServerTestBase;

/**
 * {@code ApiWorkflowClient.selection(SelectionConfig(...))} of Lightly's client 1.2.47: tags,
 * embeddings, the sampling request with {@code rowCount}, job polling, the new tag.
 */
class SelectionContractTest extends ServerTestBase {

    /** Samples at x = 0, 1, ..., n-1 (2-d, y = 0). */
    private Embedded line(int n) {
        float[][] points = new float[n][];
        for (int i = 0; i < n; i++) {
            points[i] = new float[] {i, 0};
        }
        return Embedded.create(alice, newDataset(), points);
    }

    /** The SamplingCreateRequest the client sends: None values left out, rowCount added. */
    private static Map<String, Object> request(
            String name, String method, Object nSamples, Object minDistance, int rowCount) {
        Map<String, Object> stop = new LinkedHashMap<>();
        stop.put("nSamples", nSamples);
        stop.put("minDistance", minDistance);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("newTagName", name);
        body.put("method", method);
        body.put("config", Map.of("stoppingCondition", stop));
        body.put("rowCount", rowCount);
        return body;
    }

    /** The whole of {@code selection()}: returns the new tag as the client reads it. */
    private JsonNode selection(PythonClient py, Embedded set, Map<String, Object> body)
            throws InterruptedException {
        String ds = set.datasetId();
        JsonNode tags = py.call("GET", "/v1/datasets/" + ds + "/tags").expect(200).json();
        assertThat(tags).isNotEmpty();
        JsonNode embeddings =
                py.call("GET", "/v1/datasets/" + ds + "/embeddings").expect(200).json();
        String embeddingId = embeddings.get(0).get("id").asText();
        JsonNode again = py.call("GET", "/v1/datasets/" + ds + "/tags").expect(200).json();
        assertThat(again.get(0).get("totSize").asInt()).isEqualTo(body.get("rowCount"));
        String jobId =
                py.call(
                                "POST",
                                "/v1/datasets/" + ds + "/embeddings/" + embeddingId + "/sampling",
                                body)
                        .expect(200)
                        .json()
                        .get("jobId")
                        .asText();
        JsonNode job;
        do {
            Thread.sleep(100);
            job = py.call("GET", "/v1/jobs/" + jobId).expect(200).json();
            assertThat(job.path("waitTimeTillNextPoll").canConvertToInt()).isTrue();
        } while (List.of("RUNNING", "WAITING", "UNKNOWN").contains(job.get("status").asText()));
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("FINISHED");
        String tagId = job.get("result").get("data").asText();
        JsonNode tag = py.call("GET", "/v1/datasets/" + ds + "/tags/" + tagId).expect(200).json();
        for (String field :
                List.of("id", "datasetId", "name", "bitMaskData", "totSize", "createdAt")) {
            assertThat(tag.hasNonNull(field)).as(field).isTrue();
        }
        return tag;
    }

    @Test
    void coreset_withNSamples() throws Exception {
        Embedded set = line(11);
        JsonNode tag =
                selection(
                        new PythonClient(alice),
                        set,
                        request("CORESET_3_-1_12_02_2026__10_00_00", "CORESET", 3, -1, 11));
        assertThat(tag.get("bitMaskData").asText()).isEqualTo("0x421"); // 0, 5, 10
        assertThat(tag.get("creator").asText()).isEqualTo("SAMPLER_CORESET");
    }

    @Test
    void coreset_withNSamplesMinus1_andAMinDistance_choosesUntilTheDistanceFallsBelowIt()
            throws Exception {
        Embedded set = line(11);
        // SelectionConfig(method=CORESET, n_samples=-1, min_distance=2.5), as its docstring shows
        JsonNode tag =
                selection(
                        new PythonClient(alice),
                        set,
                        request("CORESET_-1_2.5_12_02_2026__10_00_00", "CORESET", -1, 2.5, 11));
        // 0, then 10 (distance 10), 5 (5), then 2 or 3 (2 is the lower index at distance 2
        // from 0 and 3 from 5: nearest 2) falls below 2.5: the farthest left is at distance 2
        assertThat(BitMask.parse(tag.get("bitMaskData").asText()).indices())
                .containsExactly(0, 5, 10);
    }

    @Test
    void coreset_withNSamplesMinus1_andASmallMinDistance_takesEverySampleFartherThanIt()
            throws Exception {
        Embedded set = line(5);
        JsonNode tag =
                selection(
                        new PythonClient(alice),
                        set,
                        request("CORESET_-1_0.5_12_02_2026__10_00_00", "CORESET", -1, 0.5, 5));
        assertThat(tag.get("bitMaskData").asText()).isEqualTo("0x1f");
    }

    @Test
    void random_withNSamples() throws Exception {
        Embedded set = line(10);
        JsonNode tag =
                selection(
                        new PythonClient(alice),
                        set,
                        request("RANDOM_4_-1_12_02_2026__10_00_00", "RANDOM", 4, -1, 10));
        assertThat(BitMask.parse(tag.get("bitMaskData").asText()).count()).isEqualTo(4);
        assertThat(tag.get("creator").asText()).isEqualTo("SAMPLER_RANDOM");
    }

    @Test
    void nSamplesMinus1_withoutADistanceToStopAt_is400NamingTheField() {
        Embedded set = line(4);
        PythonClient py = new PythonClient(alice);
        for (Map<String, Object> body :
                List.of(
                        request("no-stop-1", "CORESET", -1, -1, 4),
                        request("no-stop-2", "RANDOM", -1, 0.5, 4),
                        request("no-stop-3", "CORESET", -2, 0.5, 4))) {
            PythonClient.Answer answer = py.call("POST", set.path("/sampling"), body).expect(400);
            assertThat(answer.json().get("code").asText()).isEqualTo("BAD_REQUEST");
            assertThat(answer.json().get("message").asText())
                    .contains("config.stoppingCondition.nSamples");
        }
    }
}
