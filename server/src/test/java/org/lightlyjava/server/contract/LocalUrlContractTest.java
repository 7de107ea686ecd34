package org.lightlyjava.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/**
 * Lightly's {@code set_local_config(resource_path="http://localhost:1234/farm")}: the URL of a
 * local file server's folder names the same folder under lightly-server's local root.
 */
class LocalUrlContractTest extends ServerTestBase {

    private static final byte[] COW = {(byte) 0xff, (byte) 0xd8, 1, 2};

    @BeforeAll
    void files() throws IOException {
        Path farm = dataDir.resolve("local/farm");
        Files.createDirectories(farm.resolve("barn"));
        Files.write(farm.resolve("barn/cow.jpg"), COW);
        Files.createDirectories(dataDir.resolve("local/my data"));
        Files.write(dataDir.resolve("local/my data/hen.jpg"), COW);
    }

    /** The body {@code set_local_config(resource_path, thumbnail_suffix)} PUTs. */
    private static Map<String, Object> clientBody(String resourcePath, String thumbSuffix) {
        return Fixtures.body(
                "type",
                "LOCAL",
                "fullPath",
                resourcePath,
                "thumbSuffix",
                thumbSuffix,
                "purpose",
                "INPUT_OUTPUT");
    }

    /** A PUT as Python's client sends it: a JSON null stays in the body. */
    private Response put(String ds, Map<String, Object> body) {
        try {
            return Api.request(
                    "PUT",
                    alice.base() + "/v1/datasets/" + ds + "/datasource?token=" + alice.token(),
                    new ObjectMapper().writeValueAsString(body),
                    "Accept-Encoding",
                    "gzip");
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private String datasetOn(String resourcePath, String thumbSuffix) {
        String ds = newDataset();
        Response r = put(ds, clientBody(resourcePath, thumbSuffix));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return ds;
    }

    @Test
    void urlForm_namesTheFolderUnderTheLocalRoot_listsAndServesIt() {
        String ds =
                datasetOn(
                        "http://localhost:1234/farm",
                        ".lightly/thumbnails/[filename]_thumb.[extension]");
        JsonNode shown = alice.get("/v1/datasets/" + ds + "/datasource").json();
        assertThat(shown.get("type").asText()).isEqualTo("LOCAL");
        assertThat(shown.get("fullPath").asText()).isEqualTo("farm/");
        JsonNode lights = alice.get("/v1/datasets/" + ds + "/datasource/verify").json();
        assertThat(lights.get("canList").asBoolean()).as(lights.toString()).isTrue();
        assertThat(lights.get("canRead").asBoolean()).as(lights.toString()).isTrue();
        Response listed = alice.get("/v1/datasets/" + ds + "/datasource/list");
        JsonNode data = listed.json().get("data");
        assertThat(data).hasSize(1);
        assertThat(data.get(0).get("fileName").asText()).isEqualTo("barn/cow.jpg");
        assertThat(Api.getBytes(data.get(0).get("readUrl").asText())).isEqualTo(COW);
    }

    @Test
    void urlOfTheServerItself_isTheRoot_andNoThumbnailsIsKept() {
        String ds = datasetOn("http://localhost:1234/", null);
        JsonNode shown = alice.get("/v1/datasets/" + ds + "/datasource").json();
        assertThat(shown.get("fullPath").asText()).isEmpty();
        assertThat(shown.get("thumbSuffix").asText()).isEmpty();
    }

    @Test
    void percentEncodedFolder_isDecoded() {
        String ds = datasetOn("http://127.0.0.1:3456/my%20data/", null);
        assertThat(alice.get("/v1/datasets/" + ds + "/datasource").json().get("fullPath").asText())
                .isEqualTo("my data/");
        JsonNode data = alice.get("/v1/datasets/" + ds + "/datasource/list").json().get("data");
        assertThat(data.get(0).get("fileName").asText()).isEqualTo("hen.jpg");
    }

    @Test
    void urlsLeavingTheRoot_areRefusedNamingFullPath_andNothingIsStored() {
        String ds = newDataset();
        for (String bad :
                new String[] {
                    "http://localhost:1234/../up",
                    "http://localhost:1234/farm/%2e%2e/%2e%2e/up",
                    "http://localhost:1234/farm#x",
                    "http:///farm"
                }) {
            Response r = put(ds, clientBody(bad, null));
            assertThat(r.status()).as(bad + ": " + r.body()).isEqualTo(400);
            assertThat(r.code()).isEqualTo("DATASET_DATASOURCE_INVALID");
            assertThat(r.message()).as(bad).contains("fullPath");
        }
        assertThat(alice.get("/v1/datasets/" + ds + "/datasource").status()).isEqualTo(404);
    }
}
