package org.lightlyjava.server.contract;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Response;

/**
 * Requests as Lightly's generated Python client (v1.2.47, swagger-codegen over urllib3) sends them:
 * the token as {@code ?token=}, {@code Accept: application/json}, a JSON body with {@code
 * Content-Type: application/json}, {@code Accept-Encoding: gzip}, its User-Agent. A gzip answer is
 * unpacked as urllib3 would.
 */
final class PythonClientCalls {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final String token;

    PythonClientCalls(Api api) {
        this.base = api.base();
        this.token = api.token();
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response post(String path, String jsonBody) {
        return send("POST", path, jsonBody);
    }

    Response send(String method, String path, String jsonBody) {
        String url = base + path + (path.contains("?") ? "&" : "?") + "token=" + Api.encode(token);
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(60))
                        .header("Accept", "application/json")
                        .header("Accept-Encoding", "gzip, deflate")
                        .header("User-Agent", "Swagger-Codegen/1.0.0/python")
                        .method(
                                method,
                                jsonBody == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<InputStream> response =
                    CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            boolean gzip =
                    response.headers()
                            .firstValue("Content-Encoding")
                            .filter(e -> e.equalsIgnoreCase("gzip"))
                            .isPresent();
            try (InputStream in = gzip ? new GZIPInputStream(response.body()) : response.body()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new Response(response.statusCode(), response.headers(), body);
            }
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
