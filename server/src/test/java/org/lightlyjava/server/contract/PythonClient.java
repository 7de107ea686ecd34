package org.lightlyjava.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.lightlyjava.api.model.ApiJson;
import org.lightlyjava.server.testing.Api;

/**
 * Sends the requests Lightly's Python client 1.2.47 sends, header for header.
 *
 * <p>API calls go through its swagger-generated client (urllib3): {@code Accept: application/json},
 * {@code Content-Type: application/json} with a body, its {@code User-Agent}, {@code ?token=} after
 * the query parameters, booleans as Python prints them ({@code True}). Signed URLs go through
 * {@code requests}, which always sends {@code Accept-Encoding: gzip, deflate} and writes {@code
 * response.raw} (the bytes as they came, not decoded) to disk when it downloads a file; {@link
 * #requestsGet} returns those raw bytes.
 */
final class PythonClient {

    static final String USER_AGENT =
            "Lightly/1.2.47 (Linux/6.1.0; Linux-6.1.0-x86_64-with-glibc2.36; x86_64;) python/3.10.12";
    private static final String REQUESTS_AGENT = "python-requests/2.28.2";

    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();

    private final String base;
    private final String token;

    PythonClient(Api api) {
        this.base = api.base();
        this.token = api.token();
    }

    /** An answer: status, headers and the body's bytes as they came over the wire. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body) {

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return ApiJson.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        /** Asserts the status, showing the body when it differs. */
        Answer expect(int expected) {
            assertThat(status).as(text()).isEqualTo(expected);
            return this;
        }
    }

    /** An API call without a body; {@code pathAndQuery} as the generated client builds it. */
    Answer call(String method, String pathAndQuery) {
        return send(api(method, pathAndQuery, null));
    }

    /** An API call with a JSON body (a map or record serialised, or JSON text). */
    Answer call(String method, String pathAndQuery, Object body) {
        return send(api(method, pathAndQuery, body));
    }

    /** An API call that names no token (versions). */
    Answer callWithoutToken(String method, String pathAndQuery) {
        return send(
                request(base + pathAndQuery).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** {@code requests.get(url, stream=True, timeout=10)}: the raw bytes. */
    static Answer requestsGet(String url) {
        return send(requestsHeaders(HttpRequest.newBuilder(URI.create(url))).GET());
    }

    /** {@code requests.put(url, data=bytes)}: no Content-Type. */
    static Answer requestsPut(String url, byte[] data) {
        return send(
                requestsHeaders(HttpRequest.newBuilder(URI.create(url)))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(data)));
    }

    private static HttpRequest.Builder requestsHeaders(HttpRequest.Builder request) {
        return request.timeout(Duration.ofSeconds(30))
                .header("User-Agent", REQUESTS_AGENT)
                .header("Accept-Encoding", "gzip, deflate")
                .header("Accept", "*/*");
    }

    private HttpRequest.Builder api(String method, String pathAndQuery, Object body) {
        String url = base + pathAndQuery;
        if (token != null) {
            url += (pathAndQuery.contains("?") ? "&" : "?") + "token=" + Api.encode(token);
        }
        HttpRequest.Builder request = request(url);
        if (body == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json(body)));
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
    }

    private static String json(Object body) {
        try {
            return body instanceof String s ? s : ApiJson.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response =
                    HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
