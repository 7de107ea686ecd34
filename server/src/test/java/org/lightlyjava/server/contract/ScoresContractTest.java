package org.lightlyjava.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lightlyjava.server.testing.Embedded;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/**
 * Lightly's {@code ScoresApi} as its Python client calls it ({@code upload_scores}: one POST per
 * score type to the query tag, else the initial tag), and the answers its models require.
 */
class ScoresContractTest extends ServerTestBase {

    private Embedded dataset(int n) {
        float[][] points = new float[n][];
        for (int i = 0; i < n; i++) {
            points[i] = new float[] {i, 0};
        }
        return Embedded.create(alice, newDataset(), points);
    }

    private static String scoresPath(Embedded d, String tagId) {
        return "/v1/datasets/" + d.datasetId() + "/tags/" + tagId + "/scores";
    }

    @Test
    void uploadScores_storesEachTypeOfTheTag_andAnswersLightlysModels() {
        Embedded d = dataset(4);
        PythonClientCalls client = new PythonClientCalls(alice);
        String path = scoresPath(d, d.initialTagId());
        Response created =
                client.post(
                        path,
                        "{\"scoreType\": \"uncertainty_entropy\", \"scores\": [0.1, 0.9, 1,"
                                + " 0.12345678901234567]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(id).matches("[a-f0-9]{24}");
        Response margin =
                client.post(
                        path, "{\"scoreType\": \"uncertainty_margin\", \"scores\": [0, 0, 0, 0]}");
        assertThat(margin.status()).as(margin.body()).isEqualTo(201);

        Response list = client.get(path);
        assertThat(list.status()).isEqualTo(200);
        JsonNode entries = list.json();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("id").asText()).isEqualTo(id);
        assertThat(entries.get(0).get("tagId").asText()).isEqualTo(d.initialTagId());
        assertThat(entries.get(0).get("scoreType").asText()).isEqualTo("uncertainty_entropy");
        assertThat(entries.get(0).get("createdAt").isIntegralNumber()).isTrue();
        assertThat(entries.get(0).has("scores")).isFalse();

        JsonNode one = client.get(path + "/" + id).json();
        assertThat(one.get("id").asText()).isEqualTo(id);
        assertThat(one.get("tagId").asText()).isEqualTo(d.initialTagId());
        assertThat(one.get("scoreType").asText()).isEqualTo("uncertainty_entropy");
        assertThat(one.get("createdAt").isIntegralNumber()).isTrue();
        // the same float64s (Python's repr of the last one is 0.12345678901234566, the same double)
        assertThat(one.get("scores"))
                .extracting(JsonNode::doubleValue)
                .containsExactly(0.1, 0.9, 1.0, 0.12345678901234567);
    }

    @Test
    void uploadScores_again_replacesTheValuesUnderTheSameId() {
        Embedded d = dataset(2);
        PythonClientCalls client = new PythonClientCalls(alice);
        String path = scoresPath(d, d.initialTagId());
        String first =
                client.post(path, "{\"scoreType\": \"s\", \"scores\": [0.1, 0.2]}")
                        .json()
                        .get("id")
                        .asText();
        String second =
                client.post(path, "{\"scoreType\": \"s\", \"scores\": [0.3, 0.4]}")
                        .json()
                        .get("id")
                        .asText();
        assertThat(second).isEqualTo(first);
        assertThat(client.get(path + "/" + first).json().get("scores").toString())
                .isEqualTo("[0.3,0.4]");
        assertThat(client.get(path).json()).hasSize(1);
    }

    @Test
    void scores_ofAQueryTag_followTheTagsOrder() {
        Embedded d = dataset(5);
        String query = d.newTag("query", 1, 3);
        PythonClientCalls client = new PythonClientCalls(alice);
        Response wrong =
                client.post(scoresPath(d, query), "{\"scoreType\": \"s\", \"scores\": [1, 2, 3]}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.message()).contains("scores has 3 values").contains("holds 2 samples");
        Response right =
                client.post(scoresPath(d, query), "{\"scoreType\": \"s\", \"scores\": [1, 2]}");
        assertThat(right.status()).as(right.body()).isEqualTo(201);
    }

    @Test
    void badInput_answers4xxNamingTheField_andStoresNothing() {
        Embedded d = dataset(3);
        PythonClientCalls client = new PythonClientCalls(alice);
        String path = scoresPath(d, d.initialTagId());
        assertRefused(
                client.post(path, "{\"scoreType\": \"s\", \"scores\": [0.1, NaN, 0.3]}"),
                400,
                "scores[1]");
        assertRefused(
                client.post(path, "{\"scoreType\": \"s\", \"scores\": [0.1, Infinity, 0.3]}"),
                400,
                "scores[1]");
        assertRefused(
                client.post(path, "{\"scoreType\": \"s\", \"scores\": [0.1, \"0.2\", 0.3]}"),
                400,
                "scores[1] must be a number");
        assertRefused(
                client.post(path, "{\"scoreType\": \"s\", \"scores\": [0.1, null, 0.3]}"),
                400,
                "scores[1]");
        assertRefused(
                client.post(path, "{\"scoreType\": \"s\", \"scores\": \"0.1\"}"), 400, "scores");
        assertRefused(client.post(path, "{\"scoreType\": \"s\", \"scores\": []}"), 400, "scores");
        assertRefused(client.post(path, "{\"scoreType\": \"s\"}"), 400, "scores is missing");
        assertRefused(
                client.post(path, "{\"scoreType\": 7, \"scores\": [1, 2, 3]}"), 400, "scoreType");
        assertRefused(client.post(path, "{\"scores\": [1, 2, 3]}"), 400, "scoreType");
        assertRefused(
                client.post(path, "{\"scoreType\": \"has space\", \"scores\": [1, 2, 3]}"),
                400,
                "scoreType");
        assertRefused(
                client.post(
                        path,
                        "{\"scoreType\": \"s\", \"scoreType\": \"t\", \"scores\": [1, 2, 3]}"),
                400,
                "scoreType");
        assertRefused(
                client.post(path, "{\"scoreType\": \"s\", \"scores\": [1, 2]}"), 400, "scores");
        assertRefused(client.post(path, "[1, 2, 3]"), 400, "object");
        assertRefused(
                client.post(
                        scoresPath(d, "0123456789abcdef01234567"),
                        "{\"scoreType\": \"s\", \"scores\": [1, 2, 3]}"),
                404,
                "tag");
        assertRefused(
                client.post(scoresPath(d, "nope"), "{\"scoreType\": \"s\", \"scores\": [1, 2, 3]}"),
                400,
                "tagId");
        assertRefused(
                new PythonClientCalls(bob)
                        .post(path, "{\"scoreType\": \"s\", \"scores\": [1, 2, 3]}"),
                404,
                "");
        assertThat(client.get(path).json()).isEmpty();

        assertRefused(client.get(path + "/0123456789abcdef01234567"), 404, "score");
        assertRefused(client.get(path + "/x"), 400, "scoreId");
    }

    @Test
    void scoresOfAnotherTag_areNotFoundUnderThisTag() {
        Embedded d = dataset(2);
        String other = d.newTag("other", 0);
        PythonClientCalls client = new PythonClientCalls(alice);
        String id =
                client.post(scoresPath(d, other), "{\"scoreType\": \"s\", \"scores\": [0.5]}")
                        .json()
                        .get("id")
                        .asText();
        assertRefused(client.get(scoresPath(d, d.initialTagId()) + "/" + id), 404, "score");
        assertThat(client.get(scoresPath(d, other) + "/" + id).status()).isEqualTo(200);
    }

    private static void assertRefused(Response r, int status, String named) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.code()).isNotBlank();
        assertThat(r.message()).contains(named);
    }
}
