package org.lightlyjava.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/**
 * {@code create_or_update_prediction_task_schema} and the task-schema reads of Lightly's {@code
 * PredictionsApi}, as its Python client sends them (the 1.2 client's default version is -1).
 */
class PredictionTasksContractTest extends ServerTestBase {

    private static final String WEATHER =
            "{\"name\": \"weather\", \"type\": \"CLASSIFICATION\", \"categories\": [{\"id\": 0,"
                    + " \"name\": \"sunny\"}, {\"id\": 3, \"name\": \"rainy\"}]}";

    @Test
    void schemas_areStoredPerVersion_andReadBack() {
        String ds = newDataset();
        PythonClientCalls client = new PythonClientCalls(alice);
        String tasks = "/v1/datasets/" + ds + "/predictions/tasks";
        Response created = client.post(tasks + "?predictionUUIDTimestamp=-1", WEATHER);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(id).matches("[a-f0-9]{24}");
        Response again =
                client.post(
                        tasks + "?predictionUUIDTimestamp=-1", WEATHER.replace("rainy", "stormy"));
        assertThat(again.json().get("id").asText()).isEqualTo(id);
        String boxes =
                "{\"name\": \"boxes\", \"type\": \"OBJECT_DETECTION\", \"categories\": [{\"id\": 1,"
                        + " \"name\": \"car\"}]}";
        assertThat(client.post(tasks + "?predictionUUIDTimestamp=1700000000000", boxes).status())
                .isEqualTo(201);
        assertThat(client.post(tasks + "?predictionUUIDTimestamp=1700000000000", WEATHER).status())
                .isEqualTo(201);

        JsonNode one = client.get(tasks + "/weather?predictionUUIDTimestamp=-1").json();
        assertThat(one.get("type").asText()).isEqualTo("CLASSIFICATION");
        assertThat(one.get("categories").get(1).get("name").asText()).isEqualTo("stormy");

        JsonNode ofVersion = client.get(tasks + "?predictionUUIDTimestamp=-1").json();
        assertThat(ofVersion).hasSize(1);
        JsonNode newest = client.get(tasks).json();
        assertThat(newest)
                .extracting(n -> n.get("name").asText())
                .containsExactly("boxes", "weather");
        assertThat(newest.get(1).get("categories").get(1).get("name").asText()).isEqualTo("rainy");
    }

    @Test
    void badSchemas_are400NamingTheField_unknownTasks404() {
        String ds = newDataset();
        PythonClientCalls client = new PythonClientCalls(alice);
        String tasks = "/v1/datasets/" + ds + "/predictions/tasks?predictionUUIDTimestamp=5";
        String[][] cases = {
            {"{\"type\": \"CLASSIFICATION\", \"categories\": []}", "name"},
            {"{\"name\": \"a b\", \"type\": \"CLASSIFICATION\", \"categories\": []}", "name"},
            {"{\"name\": \"t\", \"type\": \"REGRESSION\", \"categories\": []}", "type"},
            {"{\"name\": \"t\", \"type\": \"CLASSIFICATION\"}", "categories"},
            {
                "{\"name\": \"t\", \"type\": \"CLASSIFICATION\", \"categories\": [{\"id\": -1,"
                        + " \"name\": \"x\"}]}",
                "categories[0].id"
            },
            {
                "{\"name\": \"t\", \"type\": \"CLASSIFICATION\", \"categories\": [{\"id\": 1,"
                        + " \"name\": \"x\"}, {\"id\": 1, \"name\": \"y\"}]}",
                "categories[1].id"
            },
            {
                "{\"name\": \"t\", \"type\": \"CLASSIFICATION\", \"categories\": [{\"id\": 1}]}",
                "categories[0].name"
            },
        };
        for (String[] c : cases) {
            Response r = client.post(tasks, c[0]);
            assertThat(r.status()).as(c[0] + ": " + r.body()).isEqualTo(400);
            assertThat(r.message()).contains(c[1]);
        }
        Response noVersion = client.post("/v1/datasets/" + ds + "/predictions/tasks", WEATHER);
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.message()).contains("predictionUUIDTimestamp");
        assertThat(
                        client.post(
                                        "/v1/datasets/"
                                                + ds
                                                + "/predictions/tasks?predictionUUIDTimestamp=x",
                                        WEATHER)
                                .status())
                .isEqualTo(400);
        assertThat(client.get("/v1/datasets/" + ds + "/predictions/tasks").json()).isEmpty();
        assertThat(
                        client.get(
                                        "/v1/datasets/"
                                                + ds
                                                + "/predictions/tasks/weather?predictionUUIDTimestamp=5")
                                .status())
                .isEqualTo(404);
        assertThat(new PythonClientCalls(bob).post(tasks, WEATHER).status()).isEqualTo(404);
    }
}
