package org.lightlyjava.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/**
 * Lightly's routes that lightly-server does not serve answer 501 {@code NOT_IMPLEMENTED} naming the
 * route, at once; unknown paths that are not Lightly's stay 404; and {@code server/README.md} lists
 * exactly the unserved ones. After routes are added, rerun with {@code -Dlightly.readme.write=true}
 * to rewrite the README's list (or copy it from the failure).
 */
class UnservedRoutesContractTest extends ServerTestBase {

    private static final String ROUTES = "/org/lightlyjava/server/http/lightly-routes.txt";
    private static final String START =
            "<!-- unserved-routes:start (UnservedRoutesContractTest) -->";
    private static final String END = "<!-- unserved-routes:end -->";
    private static final String OBJECT_ID = "0123456789abcdef01234567";

    private static List<String> lightlyRoutes() throws IOException {
        try (InputStream in = UnservedRoutesContractTest.class.getResourceAsStream(ROUTES)) {
            assertThat(in).as(ROUTES).isNotNull();
            List<String> routes = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    routes.add(line.strip());
                }
            }
            return routes;
        }
    }

    /** The route with every parameter filled in, sent without a token. */
    private Response probe(String route) {
        int space = route.indexOf(' ');
        String method = route.substring(0, space);
        String path = route.substring(space + 1).replaceAll("\\{[^}]+}", OBJECT_ID);
        String body = method.equals("POST") || method.equals("PUT") ? "{}" : null;
        return Api.request(method, anonymous.base() + path, body);
    }

    private static boolean unserved(Response r) {
        return r.status() == 501 && r.code().equals("NOT_IMPLEMENTED");
    }

    @Test
    void readme_listsExactlyTheUnservedRoutes() throws IOException {
        StringBuilder expected = new StringBuilder(START).append('\n');
        int served = 0;
        for (String route : lightlyRoutes()) {
            Response r = probe(route);
            if (unserved(r)) {
                assertThat(r.message()).contains(route);
                expected.append("- `").append(route).append("`\n");
            } else {
                served++;
            }
        }
        expected.append(END);
        assertThat(served).as("routes this server serves").isGreaterThan(40);

        Path readme = Path.of("README.md");
        String text = Files.readString(readme);
        int from = text.indexOf(START);
        int to = text.indexOf(END);
        assertThat(from).as("README.md has the markers").isNotNegative();
        String listed = text.substring(from, to + END.length());
        if (!listed.equals(expected.toString()) && Boolean.getBoolean("lightly.readme.write")) {
            Files.writeString(readme, text.replace(listed, expected));
            return;
        }
        assertThat(listed)
                .as("server/README.md's list of unserved routes; expected:%n%s%n", expected)
                .isEqualTo(expected.toString());
    }

    @Test
    void anUnservedRoute_sentAsLightlysClientSendsIt_is501NamingTheRoute() {
        PythonClient py = new PythonClient(alice);
        String ds = newDataset();
        PythonClient.Answer answer =
                py.call(
                        "POST",
                        "/v1/datasets/" + ds + "/docker/worker/schedule",
                        "{\"config\": {}, \"priority\": \"MID\"}");
        answer.expect(501);
        assertThat(answer.json().get("code").asText()).isEqualTo("NOT_IMPLEMENTED");
        assertThat(answer.json().get("message").asText())
                .contains("POST /v1/datasets/{datasetId}/docker/worker/schedule");

        PythonClient.Answer runs = py.call("GET", "/v1/docker/runs?pageSize=10&pageOffset=0");
        runs.expect(501);
        assertThat(runs.json().get("message").asText()).contains("GET /v1/docker/runs");
    }

    @Test
    void aLightlyRouteOnAServedPath_withAnotherMethod_is501() {
        String ds = newDataset();
        String tag = "0123456789abcdef01234567";
        Response r = alice.put("/v1/datasets/" + ds + "/tags/" + tag, "{\"name\": \"renamed\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(501);
        assertThat(r.message()).contains("PUT /v1/datasets/{datasetId}/tags/{tagId}");
    }

    @Test
    void aLightlyRouteCaughtByAServedRoutesParameter_is501() {
        Response r = alice.get("/v1/datasets/enriched?limit=5");
        assertThat(r.status()).as(r.body()).isEqualTo(501);
        assertThat(r.message()).contains("GET /v1/datasets/enriched");
        Response byName = alice.get("/v1/datasets/enriched/query/name/some-name");
        assertThat(byName.status()).as(byName.body()).isEqualTo(501);
    }

    @Test
    void servedRoutes_andUnknownPaths_areUnchanged() {
        assertThat(alice.get("/v1/datasets").status()).isEqualTo(200);
        assertThat(alice.get("/v1/datasets/" + newDataset()).status()).isEqualTo(200);
        Response other = alice.get("/v1/datasets/" + OBJECT_ID);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.code()).isEqualTo("DATASET_UNKNOWN");
        Response unknown = alice.get("/v1/no/such/thing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("NOT_FOUND");
        assertThat(anonymous.get("/v1/datasets").status()).isEqualTo(401);
    }
}
