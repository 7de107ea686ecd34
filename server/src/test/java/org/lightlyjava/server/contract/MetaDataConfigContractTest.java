package org.lightlyjava.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/**
 * Custom metadata configurations as Lightly's client calls them: {@code
 * create_custom_metadata_config(name, configs)} POSTs a {@code ConfigurationSetRequest}; {@code
 * MetaDataConfigurationsApi} also lists, reads and replaces them.
 */
class MetaDataConfigContractTest extends ServerTestBase {

    /**
     * The body of the client's docstring example, as {@code ApiClient.sanitize_for_serialization}.
     */
    private static final String WEATHER =
            "{\"name\": \"My Custom Metadata\", \"configs\": [{\"name\": \"Weather\", \"path\":"
                    + " \"weather\", \"defaultValue\": \"unknown\", \"valueDataType\":"
                    + " \"CATEGORICAL_STRING\"}, {\"name\": \"Temperature\", \"path\":"
                    + " \"weather.temp\", \"defaultValue\": 0, \"valueDataType\": \"NUMERIC_FLOAT\"}]}";

    private static String path(String ds) {
        return "/v1/datasets/" + ds + "/configuration/metadata";
    }

    private static Response ok(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    @Test
    void createListGetAndUpdate_answerLightlysModels() {
        String ds = newDataset();
        assertThat(ok(alice.get(path(ds))).json()).isEmpty();
        String id = ok(alice.postRaw(path(ds), WEATHER)).json().get("id").asText();
        assertThat(id).matches("[a-f0-9]{24}");

        JsonNode list = ok(alice.get(path(ds))).json();
        assertThat(list).hasSize(1);
        JsonNode config = list.get(0);
        assertThat(fieldNames(config))
                .containsExactly("configs", "createdAt", "id", "lastModifiedAt", "name");
        assertThat(config.get("id").asText()).isEqualTo(id);
        assertThat(config.get("name").asText()).isEqualTo("My Custom Metadata");
        assertThat(config.get("createdAt").asLong()).isPositive();
        JsonNode weather = config.get("configs").get(0);
        assertThat(fieldNames(weather))
                .containsExactly("defaultValue", "name", "path", "valueDataType");
        assertThat(weather.get("defaultValue").asText()).isEqualTo("unknown");
        assertThat(config.get("configs").get(1).get("valueDataType").asText())
                .isEqualTo("NUMERIC_FLOAT");
        assertThat(ok(alice.get(path(ds) + "/" + id)).json()).isEqualTo(config);

        String replaced =
                "{\"name\": \"Renamed\", \"configs\": [{\"name\": \"Cloudy\", \"path\":"
                        + " \"sky.clouds[0].cover\", \"defaultValue\": null, \"valueDataType\":"
                        + " \"NUMERIC_INT\"}]}";
        ok(alice.put(path(ds) + "/" + id, replaced));
        JsonNode updated = ok(alice.get(path(ds) + "/" + id)).json();
        assertThat(updated.get("name").asText()).isEqualTo("Renamed");
        assertThat(updated.get("createdAt")).isEqualTo(config.get("createdAt"));
        JsonNode cloudy = updated.get("configs").get(0);
        assertThat(cloudy.has("defaultValue")).isTrue();
        assertThat(cloudy.get("defaultValue").isNull()).isTrue();
        assertThat(cloudy.get("path").asText()).isEqualTo("sky.clouds[0].cover");

        String second = ok(alice.postRaw(path(ds), WEATHER)).json().get("id").asText();
        assertThat(ok(alice.get(path(ds))).json().findValuesAsText("id"))
                .containsExactly(id, second);
    }

    @Test
    void badConfigurations_areRefusedNamingTheField_andNothingIsStored() {
        String ds = newDataset();
        String[][] cases = {
            {
                WEATHER.replace("\"path\": \"weather.temp\"", "\"path\": \"weather..temp\""),
                "configs[1].path"
            },
            {WEATHER.replace("\"path\": \"weather.temp\"", "\"path\": \"\""), "configs[1].path"},
            {WEATHER.replace("NUMERIC_FLOAT", "FLOAT"), "configs[1].valueDataType"},
            {
                WEATHER.replace("\"defaultValue\": 0", "\"defaultValue\": \"warm\""),
                "configs[1].defaultValue"
            },
            {WEATHER.replace("\"defaultValue\": 0, ", ""), "configs[1].defaultValue"},
            {WEATHER.replace("\"name\": \"Temperature\"", "\"name\": 7"), "configs[1].name"},
            {
                WEATHER.replace("\"path\": \"weather.temp\"", "\"path\": \"weather\""),
                "configs[1].path"
            },
            {"{\"name\": \"no configs\"}", "configs"},
            {"{\"configs\": []}", "name"},
            {"{\"name\": \"x\", \"configs\": {}}", "configs"},
        };
        for (String[] c : cases) {
            Response r = alice.postRaw(path(ds), c[0]);
            assertThat(r.status()).as(c[0]).isEqualTo(400);
            assertThat(r.code()).isIn("BAD_REQUEST", "MALFORMED_REQUEST");
            assertThat(r.message()).as(c[0]).contains(c[1]);
        }
        assertThat(ok(alice.get(path(ds))).json()).isEmpty();

        String id = ok(alice.postRaw(path(ds), WEATHER)).json().get("id").asText();
        Response badUpdate =
                alice.put(path(ds) + "/" + id, WEATHER.replace("NUMERIC_FLOAT", "REAL"));
        assertThat(badUpdate.status()).isEqualTo(400);
        assertThat(
                        ok(alice.get(path(ds) + "/" + id))
                                .json()
                                .get("configs")
                                .get(1)
                                .get("valueDataType")
                                .asText())
                .isEqualTo("NUMERIC_FLOAT");
    }

    @Test
    void unknownIds_andOtherUsers_areRefused() {
        String ds = newDataset();
        String id = ok(alice.postRaw(path(ds), WEATHER)).json().get("id").asText();
        Response unknown = alice.get(path(ds) + "/0123456789abcdef01234567");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.message()).contains("0123456789abcdef01234567");
        assertThat(alice.put(path(ds) + "/0123456789abcdef01234567", WEATHER).status())
                .isEqualTo(404);
        Response malformed = alice.get(path(ds) + "/nope");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.message()).contains("configurationId");
        assertThat(alice.get(path(newDataset()) + "/" + id).status()).isEqualTo(404);

        int othersDataset = bob.get("/v1/datasets/" + ds).status();
        assertThat(othersDataset).isIn(403, 404);
        assertThat(bob.get(path(ds)).status()).isEqualTo(othersDataset);
        assertThat(bob.postRaw(path(ds), WEATHER).status()).isEqualTo(othersDataset);
        assertThat(bob.get(path(ds) + "/" + id).status()).isEqualTo(othersDataset);
        assertThat(ok(alice.get(path(ds))).json()).hasSize(1);
        assertThat(anonymous.get(path(ds)).status()).isEqualTo(401);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
