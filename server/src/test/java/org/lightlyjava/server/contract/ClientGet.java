package org.lightlyjava.server.contract;

import java.io.ByteArrayInputStream;
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
 * Requests as Lightly's Python client sends them through {@code requests}/{@code urllib3}: the
 * token last in the query, {@code Accept} as the generated code selects it, {@code Accept-Encoding:
 * gzip, deflate}, and a compressed answer inflated as {@code urllib3} does.
 */
final class ClientGet {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ClientGet() {}

    /**
     * {@code GET base + path} with {@code ?token=} appended after the route's own parameters.
     *
     * @param accept the {@code Accept} header the generated method sends
     */
    static Response get(Api api, String path, String accept) {
        String url =
                api.base()
                        + path
                        + (path.contains("?") ? "&" : "?")
                        + "token="
                        + Api.encode(api.token());
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(60))
                        .header("Accept", accept)
                        .header("Accept-Encoding", "gzip, deflate")
                        .header("User-Agent", "Swagger-Codegen/1.0.0/python")
                        .GET()
                        .build();
        try {
            HttpResponse<byte[]> response =
                    CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            if (response.headers()
                    .firstValue("Content-Encoding")
                    .map("gzip"::equalsIgnoreCase)
                    .orElse(false)) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                }
            }
            return new Response(
                    response.statusCode(),
                    response.headers(),
                    new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
