package org.lightlyjava.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/**
 * Lightly's {@code CollaborationApi} and the shared dataset lists as its Python client (1.2.x,
 * 1.4.x) calls them: {@code share_dataset_only_with}, {@code get_shared_users}, the generated
 * {@code delete_shared_access_config_by_id}, and {@code get_datasets(shared=True)} / {@code
 * get_datasets_by_name(shared=True)}; each request with the client's path, query (Python's {@code
 * True}), JSON body and headers.
 */
class CollaborationContractTest extends ServerTestBase {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Api carol;

    @BeforeAll
    void thirdUser() {
        if (server == null) {
            return; // the server did not start (no PostgreSQL): every test is skipped
        }
        carol = alice.as(server.server().issueToken("carol@example.com"));
    }

    /** A request as Lightly's generated client sends it ({@code ?token=}, gzip accepted). */
    private static Response lightly(Api api, String method, String path, String json) {
        String url =
                api.base()
                        + path
                        + (path.contains("?") ? "&" : "?")
                        + "token="
                        + Api.encode(api.token());
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Accept", "application/json")
                        .header("Accept-Encoding", "gzip, deflate")
                        .header("User-Agent", "Swagger-Codegen/1.0.0/python")
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<byte[]> response =
                    HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            if (response.headers()
                    .firstValue("Content-Encoding")
                    .filter("gzip"::equalsIgnoreCase)
                    .isPresent()) {
                body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
            }
            return new Response(
                    response.statusCode(),
                    response.headers(),
                    new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** {@code share_dataset_only_with(dataset_id, user_emails)}. */
    private static Response shareOnlyWith(Api owner, String datasetId, String usersJson) {
        return lightly(
                owner,
                "POST",
                "/v1/datasets/" + datasetId + "/collaboration/access",
                "{\"accessType\": \"WRITE\", \"users\": "
                        + usersJson
                        + ", \"creator\": \"USER_PIP\"}");
    }

    private static Response accessConfigs(Api owner, String datasetId) {
        return lightly(owner, "GET", "/v1/datasets/" + datasetId + "/collaboration/access", null);
    }

    /** {@code get_shared_users}: the users of the first WRITE config. */
    private static List<String> sharedUsers(Api owner, String datasetId) {
        Response r = accessConfigs(owner, datasetId);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> users = new ArrayList<>();
        for (JsonNode config : r.json()) {
            if (config.get("accessType").asText().equals("WRITE")) {
                config.get("users").forEach(u -> users.add(u.asText()));
                break;
            }
        }
        return users;
    }

    /** {@code get_datasets(shared=True)}: pages of 5000 until an empty one. */
    private static List<JsonNode> sharedDatasets(Api user) {
        List<JsonNode> all = new ArrayList<>();
        for (int offset = 0; ; offset += 5000) {
            Response r =
                    lightly(
                            user,
                            "GET",
                            "/v1/datasets?shared=True&pageSize=5000&pageOffset=" + offset,
                            null);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            if (r.json().isEmpty()) {
                return all;
            }
            r.json().forEach(all::add);
        }
    }

    private static List<String> ids(List<JsonNode> datasets) {
        return datasets.stream().map(d -> d.get("id").asText()).toList();
    }

    @Test
    void shareDatasetOnlyWith_letsTheUserWriteAndListTheDatasetAsShared() {
        String ds = newDataset();
        Response shared = shareOnlyWith(alice, ds, "[\"bob\"]");
        assertThat(shared.status()).as(shared.body()).isEqualTo(200);
        assertThat(shared.json().get("id").asText()).matches("[0-9a-f]{24}");

        JsonNode listed = sharedWith(bob, ds);
        assertThat(listed.get("accessType").asText()).isEqualTo("WRITE");
        assertThat(listed.get("userId").asText())
                .isEqualTo(
                        lightly(alice, "GET", "/v1/datasets/" + ds, null)
                                .json()
                                .get("userId")
                                .asText());
        Response own =
                lightly(bob, "GET", "/v1/datasets?shared=False&pageSize=5000&pageOffset=0", null);
        assertThat(ids(listOf(own))).doesNotContain(ds);
        String name = listed.get("name").asText();
        Response byName =
                lightly(
                        bob,
                        "GET",
                        "/v1/datasets/query/name/" + Api.encode(name) + "?exact=True&shared=True",
                        null);
        assertThat(ids(listOf(byName))).containsExactly(ds);
        Response notOwnByName =
                lightly(
                        bob,
                        "GET",
                        "/v1/datasets/query/name/" + Api.encode(name) + "?exact=True&shared=False",
                        null);
        assertThat(listOf(notOwnByName)).isEmpty();

        // bob writes: a sample, as lightly-upload would.
        Response sample =
                lightly(
                        bob,
                        "POST",
                        "/v1/datasets/" + ds + "/samples",
                        Fixtures.json(Fixtures.sample("from-bob.jpg")).toString());
        assertThat(sample.status()).as(sample.body()).isEqualTo(200);
        // The owner's list is unchanged by sharing; the dataset is not bob's to share or delete.
        assertThat(lightly(alice, "GET", "/v1/datasets/" + ds, null).json().has("accessType"))
                .isFalse();
        Response reshare = shareOnlyWith(bob, ds, "[\"carol@example.com\"]");
        assertThat(reshare.status()).isEqualTo(403);
        assertThat(reshare.code()).isEqualTo("FORBIDDEN");
        assertThat(lightly(bob, "DELETE", "/v1/datasets/" + ds, null).status()).isEqualTo(403);
        assertThat(ids(sharedDatasets(carol))).doesNotContain(ds);
    }

    /** The dataset as {@code get_datasets(shared=True)} lists it for this user. */
    private static JsonNode sharedWith(Api user, String datasetId) {
        List<JsonNode> found =
                sharedDatasets(user).stream()
                        .filter(d -> d.get("id").asText().equals(datasetId))
                        .toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static List<JsonNode> listOf(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().forEach(out::add);
        return out;
    }

    @Test
    void getSharedUsers_answersTheConfigsInTheClientsModel() {
        String ds = newDataset();
        assertThat(sharedUsers(alice, ds)).isEmpty();
        String id =
                shareOnlyWith(alice, ds, "[\"carol@example.com\", \"bob\"]")
                        .json()
                        .get("id")
                        .asText();

        JsonNode configs = accessConfigs(alice, ds).json();
        assertThat(configs).hasSize(1);
        JsonNode config = configs.get(0);
        // Every field SharedAccessConfigData requires (1.2.x: organizations; 1.4.x: teams).
        assertThat(config.get("id").asText()).isEqualTo(id);
        assertThat(config.get("owner").asText())
                .isEqualTo(
                        lightly(alice, "GET", "/v1/datasets/" + ds, null)
                                .json()
                                .get("userId")
                                .asText());
        assertThat(config.get("accessType").asText()).isEqualTo("WRITE");
        assertThat(config.get("organizations").isArray()).isTrue();
        assertThat(config.get("teams").isArray()).isTrue();
        assertThat(config.get("createdAt").isIntegralNumber()).isTrue();
        assertThat(config.get("lastModifiedAt").isIntegralNumber()).isTrue();
        assertThat(sharedUsers(alice, ds)).containsExactly("carol@example.com", "bob");

        // Lightly's docstring: get the list, append, share again; the same config is updated.
        Response again = shareOnlyWith(alice, ds, "[\"carol@example.com\", \"bob\", \"bob\"]");
        assertThat(again.json().get("id").asText()).isEqualTo(id);
        assertThat(sharedUsers(alice, ds)).containsExactly("carol@example.com", "bob");
    }

    @Test
    void revoking_takesEffectOnTheNextRequest() {
        String ds = newDataset();
        shareOnlyWith(alice, ds, "[\"bob\", \"carol@example.com\"]");
        assertThat(lightly(bob, "GET", "/v1/datasets/" + ds, null).status()).isEqualTo(200);

        // share_dataset_only_with(dataset_id, user_emails=[]) revokes everyone.
        assertThat(shareOnlyWith(alice, ds, "[\"carol@example.com\"]").status()).isEqualTo(200);
        Response gone = lightly(bob, "GET", "/v1/datasets/" + ds, null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.code()).isEqualTo("DATASET_UNKNOWN");
        assertThat(ids(sharedDatasets(bob))).doesNotContain(ds);
        assertThat(lightly(carol, "GET", "/v1/datasets/" + ds + "/tags", null).status())
                .isEqualTo(200);
        assertThat(shareOnlyWith(alice, ds, "[]").status()).isEqualTo(200);
        assertThat(lightly(carol, "GET", "/v1/datasets/" + ds + "/tags", null).status())
                .isEqualTo(404);

        // delete_shared_access_config_by_id
        String id = shareOnlyWith(alice, ds, "[\"bob\"]").json().get("id").asText();
        String path = "/v1/datasets/" + ds + "/collaboration/access/" + id;
        assertThat(lightly(bob, "DELETE", path, null).status()).isEqualTo(403);
        assertThat(lightly(alice, "DELETE", path, null).status()).isEqualTo(200);
        assertThat(lightly(bob, "GET", "/v1/datasets/" + ds, null).status()).isEqualTo(404);
        assertThat(accessConfigs(alice, ds).json()).isEmpty();
        Response again = lightly(alice, "DELETE", path, null);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.message()).contains("accessConfigId");
        Response malformed =
                lightly(alice, "DELETE", "/v1/datasets/" + ds + "/collaboration/access/xyz", null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.message()).contains("accessConfigId");
    }

    @Test
    void readAccess_letsTheUserReadButNotWrite() {
        String ds = newDataset();
        Response shared =
                lightly(
                        alice,
                        "POST",
                        "/v1/datasets/" + ds + "/collaboration/access",
                        "{\"accessType\": \"READ\", \"users\": [\"carol@example.com\"]}");
        assertThat(shared.status()).as(shared.body()).isEqualTo(200);
        assertThat(sharedWith(carol, ds).get("accessType").asText()).isEqualTo("READ");
        assertThat(lightly(carol, "GET", "/v1/datasets/" + ds + "/samples", null).status())
                .isEqualTo(200);
        Response write =
                lightly(
                        carol,
                        "POST",
                        "/v1/datasets/" + ds + "/samples",
                        Fixtures.json(Fixtures.sample("from-carol.jpg")).toString());
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.code()).isEqualTo("FORBIDDEN");
        assertThat(write.message()).contains("READ").contains("WRITE");

        // Giving carol WRITE moves her: one role per user.
        shareOnlyWith(alice, ds, "[\"carol@example.com\"]");
        assertThat(sharedWith(carol, ds).get("accessType").asText()).isEqualTo("WRITE");
        JsonNode configs = accessConfigs(alice, ds).json();
        assertThat(configs).hasSize(2);
        assertThat(configs.get(0).get("accessType").asText()).isEqualTo("READ");
        assertThat(configs.get(0).get("users")).isEmpty();
    }

    @Test
    void badInput_isRefusedNamingTheFieldAndStoresNothing() {
        String ds = newDataset();
        String path = "/v1/datasets/" + ds + "/collaboration/access";
        shareOnlyWith(alice, ds, "[\"bob\"]");
        String before = accessConfigs(alice, ds).body();
        String[][] cases = {
            {"{\"accessType\": \"WRITE\", \"users\": [\"alice\"]}", "users[0]"},
            {
                "{\"accessType\": \"WRITE\", \"users\": [\"carol@example.com\", \"nobody\"]}",
                "users[1]"
            },
            {"{\"accessType\": \"ADMIN\", \"users\": [\"bob\"]}", "accessType"},
            {"{\"accessType\": \"write\", \"users\": [\"bob\"]}", "accessType"},
            {"{\"users\": [\"bob\"]}", "accessType"},
            {"{\"accessType\": \"WRITE\"}", "users"},
            {"{\"accessType\": \"WRITE\", \"users\": \"bob\"}", "users"},
            {"{\"accessType\": \"WRITE\", \"users\": [7]}", "users"},
            {"{\"accessType\": 1, \"users\": [\"bob\"]}", "accessType"},
            {"{\"accessType\": \"WRITE\", \"users\": [\"\"]}", "users[0]"},
            {
                "{\"accessType\": \"WRITE\", \"users\": [], \"organizations\": [\"acme\"]}",
                "organizations"
            },
        };
        for (String[] c : cases) {
            Response r = lightly(alice, "POST", path, c[0]);
            assertThat(r.status()).as(c[0] + " -> " + r.body()).isEqualTo(400);
            assertThat(r.code()).as(c[0]).isIn("BAD_REQUEST", "MALFORMED_REQUEST");
            assertThat(r.message()).as(c[0]).contains(c[1]);
        }
        assertThat(accessConfigs(alice, ds).body()).isEqualTo(before);
        assertThat(ids(sharedDatasets(carol))).doesNotContain(ds);

        // A stranger's share or list: the dataset does not exist for them.
        Response stranger =
                lightly(
                        carol,
                        "POST",
                        path,
                        "{\"accessType\": \"WRITE\", \"users\": [\"carol@example.com\"]}");
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.code()).isEqualTo("DATASET_UNKNOWN");
        assertThat(accessConfigs(carol, ds).status()).isEqualTo(404);
        assertThat(accessConfigs(bob, ds).status()).isEqualTo(403);
        Response badId = lightly(alice, "GET", "/v1/datasets/nope/collaboration/access", null);
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.message()).contains("datasetId");
    }
}
