package org.lightlyjava.server.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.lightlyjava.api.model.ApiJson;

/** Calls a server with java.net.http, adding {@code ?token=} when it has one. */
public final class Api {

    /**
     * The status of a request whose body the server refuses as too large: 413, or -1 when the
     * server closed the connection before the client finished sending (a server may stop reading a
     * body it will not take; which of the two a client sees is a race).
     */
    public static int statusOrClosed(java.util.function.Supplier<Response> call) {
        try {
            return call.get().status();
        } catch (AssertionError e) {
            if (e.getCause() instanceof java.io.IOException) {
                return -1;
            }
            throw e;
        }
    }

    private static final HttpClient CLIENT =
            HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();

    private final String base;
    private final String token;

    public Api(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The same server as another user (null: no token). */
    public Api as(String otherToken) {
        return new Api(base, otherToken);
    }

    public String token() {
        return token;
    }

    public String base() {
        return base;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response post(String path, Object body) {
        return send(request(path).POST(json(body)).header("Content-Type", "application/json"));
    }

    public Response put(String path, Object body) {
        return send(request(path).PUT(json(body)).header("Content-Type", "application/json"));
    }

    /** A body as given (raw text), for malformed JSON. */
    public Response postRaw(String path, String body) {
        return send(
                request(path)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json"));
    }

    /** PUT of raw bytes to a full URL (a signed URL), without token or Content-Type. */
    public static Response putUrl(String url, byte[] bytes) {
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    /**
     * Any request to a full URL, without a token: {@code body} (JSON text) may be null, headers
     * come as name-value pairs (a session cookie, an {@code Origin}); a body is sent as JSON unless
     * they name another {@code Content-Type}.
     */
    public static Response request(String method, String url, String body, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !typed) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    /** GET of a full URL (a signed URL). */
    public static Response getUrl(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET());
    }

    public static byte[] getBytes(String url) {
        try {
            HttpResponse<byte[]> response =
                    CLIENT.send(
                            HttpRequest.newBuilder(URI.create(url)).GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        String url = base + path;
        if (token != null) {
            url += (path.contains("?") ? "&" : "?") + "token=" + encode(token);
        }
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            String text = body instanceof String s ? s : ApiJson.mapper().writeValueAsString(body);
            return HttpRequest.BodyPublishers.ofString(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
