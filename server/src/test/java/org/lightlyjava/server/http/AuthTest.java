package org.lightlyjava.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lightlyjava.api.model.SampleBatchRequest;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/** Every route needs a token, and another user's dataset does not exist for you. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthTest extends ServerTestBase {

    private String dataset;
    private String sample;
    private String tag;
    private String embedding;

    private record Route(String method, String path) {}

    @BeforeAll
    void aliceHasData() {
        dataset = newDataset();
        sample = Fixtures.samples(alice, dataset, 3).get(0);
        tag =
                alice.post(ds("/tags/initial"), Fixtures.body("imgType", "meta"))
                        .json()
                        .get("id")
                        .asText();
        embedding =
                alice.get(ds("/embeddings/writeCSVUrl?name=default"))
                        .json()
                        .get("embeddingId")
                        .asText();
    }

    private String ds(String rest) {
        return "/v1/datasets/" + dataset + rest;
    }

    private List<Route> datasetRoutes() {
        String s = "/samples/" + sample;
        String t = "/tags/" + tag;
        String e = "/embeddings/" + embedding;
        return List.of(
                new Route("GET", ds("")),
                new Route("DELETE", ds("")),
                new Route("PUT", ds("/registerDatasetUpload")),
                new Route("POST", ds("/samples")),
                new Route("POST", ds("/samples/batch")),
                new Route("GET", ds("/samples")),
                new Route("GET", ds("/samples/partial?mode=ids")),
                new Route("GET", ds(s)),
                new Route("PUT", ds(s)),
                new Route("GET", ds(s + "/writeurl?isThumbnail=true")),
                new Route("GET", ds(s + "/writeurls")),
                new Route("GET", ds(s + "/readurl?type=full")),
                new Route("GET", ds(s + "/readurlRedirect?type=full")),
                new Route("GET", ds("/mappings?field=fileName")),
                new Route("GET", ds("/tags")),
                new Route("POST", ds("/tags")),
                new Route("POST", ds("/tags/initial")),
                new Route("POST", ds("/tags/upsize")),
                new Route("POST", ds("/tags/arithmetics")),
                new Route("POST", ds("/tags/arithmetics/bitmask")),
                new Route("GET", ds(t)),
                new Route("GET", ds(t + "/filenames")),
                new Route("DELETE", ds(t)),
                new Route("GET", ds("/embeddings")),
                new Route("GET", ds("/embeddings/writeCSVUrl?name=x")),
                new Route("GET", ds(e + "/readCSVUrl")),
                new Route("POST", ds(e + "/trigger2dEmbeddingsJob")),
                new Route("GET", ds(e + "/2d")),
                new Route("GET", ds(e + "/2d/" + embedding)));
    }

    private List<Route> userRoutes() {
        return List.of(
                new Route("GET", "/v1/quota"),
                new Route("GET", "/v1/datasets"),
                new Route("POST", "/v1/datasets"),
                new Route("GET", "/v1/datasets/query/name/anything?exact=True"),
                new Route("GET", "/v1/jobs/" + embedding));
    }

    private static Response call(Api api, Route route) {
        return switch (route.method()) {
            case "GET" -> api.get(route.path());
            case "DELETE" -> api.delete(route.path());
            case "PUT" -> api.put(route.path(), "{}");
            default -> api.post(route.path(), new SampleBatchRequest(List.of(), "none"));
        };
    }

    @Test
    void everyRouteWithoutAToken_answers401() {
        for (Route route : concat(datasetRoutes(), userRoutes())) {
            Response r = call(anonymous, route);
            assertThat(r.status()).as(route.toString()).isEqualTo(401);
            assertThat(r.code()).as(route.toString()).isEqualTo("UNAUTHORIZED");
        }
    }

    @Test
    void aWrongToken_answersExactlyLikeNone() {
        Response none = anonymous.get("/v1/datasets");
        Response wrong = anonymous.as("f".repeat(64)).get("/v1/datasets");
        Response empty = anonymous.as("").get("/v1/datasets");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(none.body());
        assertThat(empty.body()).isEqualTo(none.body());
    }

    @Test
    void anotherUsersDataset_answers404OnEveryRoute() {
        for (Route route : datasetRoutes()) {
            Response r = call(bob, route);
            assertThat(r.status()).as(route.toString()).isEqualTo(404);
            assertThat(r.code()).as(route.toString()).isEqualTo("DATASET_UNKNOWN");
        }
        assertThat(bob.get("/v1/jobs/" + embedding).status()).isEqualTo(404);
        assertThat(bob.get("/v1/datasets").json()).isEmpty();
        // nothing of alice's changed
        assertThat(alice.get(ds("")).json().get("nSamples").asInt()).isEqualTo(3);
        assertThat(alice.get(ds("/tags")).json()).hasSize(1);
    }

    @Test
    void openRoutes_needNoToken() {
        assertThat(anonymous.get("/v1/versions/pip/minimum").status()).isEqualTo(200);
        assertThat(anonymous.get("/v1/versions/pip/latest?currentVersion=1.2.3").status())
                .isEqualTo(200);
        assertThat(anonymous.get("/v1/lightly-java/info").status()).isEqualTo(200);
    }

    @Test
    void tokensAppearInNoResponseAndNoFile() throws Exception {
        String token = alice.token();
        for (Route route : datasetRoutes()) {
            if (!route.method().equals("DELETE")) {
                assertThat(call(alice, route).body()).as(route.toString()).doesNotContain(token);
            }
        }
        byte[] needle = token.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (var files = java.nio.file.Files.walk(dataDir)) {
            for (var file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                String content =
                        new String(
                                java.nio.file.Files.readAllBytes(file),
                                java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(content)
                        .as(file.toString())
                        .doesNotContain(
                                new String(needle, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
    }

    private static List<Route> concat(List<Route> a, List<Route> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
