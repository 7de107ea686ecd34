package org.lightlyjava.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/**
 * {@code create_or_update_prediction} (one POST of the sample's singletons, as {@code
 * PredictionSingleton*Repr.to_dict()} writes them) and the prediction reads of Lightly's {@code
 * PredictionsApi}, as its Python client sends them.
 */
class SamplePredictionsContractTest extends ServerTestBase {

    private static final String V = "?predictionUUIDTimestamp=-1";

    private static String path(String ds, String rest) {
        return "/v1/datasets/" + ds + "/predictions" + rest;
    }

    private String datasetWithTasks(PythonClientCalls client) {
        String ds = newDataset();
        assertThat(
                        client.post(
                                        path(ds, "/tasks" + V),
                                        "{\"name\": \"weather\", \"type\": \"CLASSIFICATION\","
                                                + " \"categories\": [{\"id\": 0, \"name\":"
                                                + " \"sunny\"}, {\"id\": 1, \"name\": \"rainy\"}]}")
                                .status())
                .isEqualTo(201);
        assertThat(
                        client.post(
                                        path(ds, "/tasks" + V),
                                        "{\"name\": \"cars\", \"type\": \"OBJECT_DETECTION\","
                                                + " \"categories\": [{\"id\": 7, \"name\":"
                                                + " \"car\"}]}")
                                .status())
                .isEqualTo(201);
        return ds;
    }

    @Test
    void predictions_areStoredPerSample_andListedPerTask() {
        PythonClientCalls client = new PythonClientCalls(alice);
        String ds = datasetWithTasks(client);
        List<String> samples = Fixtures.samples(alice, ds, 3);
        String first =
                "[{\"type\": \"CLASSIFICATION\", \"taskName\": \"weather\", \"categoryId\": 1,"
                        + " \"score\": 0.8, \"probabilities\": [0.2, 0.8]}, {\"type\":"
                        + " \"OBJECT_DETECTION\", \"taskName\": \"cars\", \"categoryId\": 7,"
                        + " \"score\": 0.5, \"bbox\": [10, 20, 30, 40]}]";
        Response created = client.post(path(ds, "/samples/" + samples.get(0) + V), first);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("id").asText()).matches("[a-f0-9]{24}");
        assertThat(
                        client.post(
                                        path(ds, "/samples/" + samples.get(2) + V),
                                        "[{\"type\": \"CLASSIFICATION\", \"taskName\":"
                                                + " \"weather\", \"categoryId\": 0, \"score\": 1}]")
                                .status())
                .isEqualTo(201);

        JsonNode one = client.get(path(ds, "/samples/" + samples.get(0) + V)).json();
        assertThat(one).hasSize(2);
        assertThat(one.get(1).get("bbox").toString()).isEqualTo("[10,20,30,40]");
        assertThat(client.get(path(ds, "/samples/" + samples.get(1) + V)).status()).isEqualTo(404);

        JsonNode all = client.get(path(ds, "/samples" + V)).json();
        assertThat(all).hasSize(2);
        JsonNode cars = client.get(path(ds, "/samples" + V + "&taskName=cars")).json();
        assertThat(cars).hasSize(1);
        assertThat(cars.get(0)).hasSize(1);
        assertThat(cars.get(0).get(0).get("taskName").asText()).isEqualTo("cars");
    }

    @Test
    void badSingletons_are400NamingThem_andStoreNothing() {
        PythonClientCalls client = new PythonClientCalls(alice);
        String ds = datasetWithTasks(client);
        String sample = Fixtures.samples(alice, ds, 1).get(0);
        String url = path(ds, "/samples/" + sample + V);
        String ok =
                "{\"type\": \"CLASSIFICATION\", \"taskName\": \"weather\", \"categoryId\": 0,"
                        + " \"score\": 0.5}";
        String[][] cases = {
            {"{\"a\": 1}", "array"},
            {"[" + ok + ", 3]", "[1] must be an object"},
            {"[" + ok.replace("weather", "nope") + "]", "[0].taskName"},
            {"[" + ok.replace("CLASSIFICATION", "OBJECT_DETECTION") + "]", "[0].type"},
            {"[" + ok.replace("\"categoryId\": 0", "\"categoryId\": 5") + "]", "[0].categoryId"},
            {"[" + ok.replace("0.5", "1.5") + "]", "[0].score"},
            {"[" + ok.replace("}", ", \"probabilities\": [0.5, 2]}") + "]", "[0].probabilities"},
            {
                "[{\"type\": \"OBJECT_DETECTION\", \"taskName\": \"cars\", \"categoryId\": 7,"
                        + " \"score\": 0.5, \"bbox\": [1, 2, 0, 4]}]",
                "[0].bbox"
            },
            {
                "[{\"type\": \"OBJECT_DETECTION\", \"taskName\": \"cars\", \"categoryId\": 7,"
                        + " \"score\": 0.5, \"bbox\": [1.5, 2, 3, 4]}]",
                "[0].bbox"
            },
        };
        for (String[] c : cases) {
            Response r = client.post(url, c[0]);
            assertThat(r.status()).as(c[0] + ": " + r.body()).isEqualTo(400);
            assertThat(r.message()).contains(c[1]);
        }
        assertThat(client.get(url).status()).isEqualTo(404);
        assertThat(
                        client.post(
                                        path(ds, "/samples/0123456789abcdef01234567" + V),
                                        "[" + ok + "]")
                                .status())
                .isEqualTo(404);
        assertThat(client.post(path(ds, "/samples/" + sample), "[" + ok + "]").status())
                .isEqualTo(400);
        assertThat(new PythonClientCalls(bob).post(url, "[" + ok + "]").status()).isEqualTo(404);
    }
}
