package org.lightlyjava.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.model.SampleBatchRequest;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/**
 * GCS datasources as Lightly's client sets them ({@code set_gcs_config}: the service account's key
 * file as a JSON string) and the URLs the server then hands out: V4 signed by the service account,
 * into the bucket. The key is the throwaway one Google published for its signing conformance cases;
 * nothing here reaches Google (the lights and listing need a real bucket: not tested here).
 */
class GcsContractTest extends ServerTestBase {

    private static final String KEY_FILE = credentials();

    private static String credentials() {
        try (InputStream in =
                GcsContractTest.class.getResourceAsStream(
                        "/gcs-v4-conformance/test_service_account.not-a-test.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The body {@code set_gcs_config} PUTs. */
    private static Map<String, Object> config(String fullPath, String credentials) {
        return Fixtures.body(
                "type",
                "GCS",
                "fullPath",
                fullPath,
                "thumbSuffix",
                ".lightly/thumbnails/[filename]_thumb.[extension]",
                "gcsProjectId",
                "dummy-project-id",
                "gcsCredentials",
                credentials,
                "purpose",
                "INPUT_OUTPUT");
    }

    private Response put(String ds, Map<String, Object> body) {
        return alice.put("/v1/datasets/" + ds + "/datasource", body);
    }

    private String datasetOn(Map<String, Object> body) {
        String ds = newDataset();
        Response r = put(ds, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return ds;
    }

    @Test
    void setGcsConfig_isStored_andGetMasksTheKeyFile() {
        String ds = datasetOn(config("gs://my_bucket/path/to/my/data", KEY_FILE));

        Response r = alice.get("/v1/datasets/" + ds + "/datasource");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("type").asText()).isEqualTo("GCS");
        assertThat(r.json().get("fullPath").asText()).isEqualTo("gs://my_bucket/path/to/my/data/");
        assertThat(r.json().get("gcsProjectId").asText()).isEqualTo("dummy-project-id");
        assertThat(r.json().get("gcsCredentials").asText()).isEqualTo("***");
        assertThat(alice.get("/v1/datasets/" + ds + "/datasource/all").body())
                .doesNotContain("PRIVATE KEY")
                .doesNotContain("private_key");
    }

    @Test
    void putAgainWithTheMask_keepsTheKeyFile_butAnotherProjectNeedsItAgain() {
        String ds = datasetOn(config("gs://my_bucket/a/", KEY_FILE));
        assertThat(put(ds, config("gs://my_bucket/b/", "***")).status()).isEqualTo(200);
        Map<String, Object> otherProject = config("gs://my_bucket/b/", "***");
        otherProject.put("gcsProjectId", "another-project");
        Response r = put(ds, otherProject);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains("gcsCredentials is required");
    }

    @Test
    void readUrls_areV4SignedByTheServiceAccount_intoTheBucket() {
        String ds = datasetOn(config("gs://my_bucket/farm/", KEY_FILE));

        Response r =
                alice.get("/v1/datasets/" + ds + "/datasource/readurlRedirect?path=cows/a.jpg");
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        URI url = URI.create(r.headers().firstValue("Location").orElseThrow());
        assertThat(url.getHost()).isEqualTo("storage.googleapis.com");
        assertThat(url.getPath()).isEqualTo("/my_bucket/farm/cows/a.jpg");
        assertThat(url.getQuery())
                .contains("X-Goog-Algorithm=GOOG4-RSA-SHA256")
                .contains(
                        "X-Goog-Credential=test-iam-credentials@dummy-project-id.iam.gserviceaccount.com/")
                .contains("X-Goog-Expires=3600")
                .contains("X-Goog-Signature=");
    }

    @Test
    void sampleWriteUrl_isASignedPutIntoTheBucket() {
        String ds = datasetOn(config("gs://my_bucket/in", KEY_FILE));
        Response created =
                alice.post(
                        "/v1/datasets/" + ds + "/samples/batch",
                        new SampleBatchRequest(List.of(Fixtures.sample("cats/a.jpg")), "none"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String id = created.json().get("samples").get(0).get("id").asText();

        Response r =
                alice.get("/v1/datasets/" + ds + "/samples/" + id + "/writeurl?isThumbnail=False");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        URI url = URI.create(r.string());
        assertThat(url.getPath()).isEqualTo("/my_bucket/in/cats/a.jpg");
        assertThat(url.getQuery())
                .contains("X-Goog-SignedHeaders=host")
                .contains("X-Goog-Signature=");
    }

    @Test
    void aFileThatIsNoServiceAccountKey_isRefusedNamingGcsCredentials_andNothingIsStored() {
        String ds = newDataset();
        for (String bad :
                List.of(
                        "not json",
                        "[1, 2]",
                        "{\"type\": \"authorized_user\", \"client_id\": \"x\"}",
                        KEY_FILE.replace("\"private_key\"", "\"no_private_key\""),
                        KEY_FILE.replace("MII", "XXX"))) {
            Response r = put(ds, config("gs://my_bucket/", bad));
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.code()).isEqualTo("DATASET_DATASOURCE_INVALID");
            assertThat(r.message()).contains("gcsCredentials").doesNotContain("BEGIN PRIVATE");
        }
        assertThat(alice.get("/v1/datasets/" + ds + "/datasource").status()).isEqualTo(404);
    }

    @Test
    void badFields_areRefusedNamingTheField() {
        String ds = newDataset();
        Map<String, Object> noProject = config("gs://my_bucket/", KEY_FILE);
        noProject.remove("gcsProjectId");
        assertThat(put(ds, noProject).message()).contains("gcsProjectId");
        assertThat(put(ds, config("s3://my_bucket/", KEY_FILE)).message()).contains("fullPath");
        assertThat(put(ds, config("gs://UPPER/", KEY_FILE)).message()).contains("fullPath");
        Map<String, Object> typed = config("gs://my_bucket/", KEY_FILE);
        typed.put("gcsCredentials", Map.of("type", "service_account"));
        Response r = put(ds, typed);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains("gcsCredentials");
        assertThat(
                        bob.put("/v1/datasets/" + ds + "/datasource", config("gs://b1/", KEY_FILE))
                                .status())
                .isIn(403, 404);
    }
}
