package org.lightlyjava.api.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.lightlyjava.api.model.ApiJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP for {@link LightlyClient}: JSON in and out, {@code ?token=} on API calls (never on signed
 * URLs, never in logs), timeouts, and retries with exponential backoff on 429, 5xx and connection
 * failures.
 */
final class Transport {

    private static final Logger log = LoggerFactory.getLogger(Transport.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(180);

    private final HttpClient http;
    private final String base;
    private final String token;
    private final RetryPolicy retry;
    private final String userAgent;
    private final ObjectMapper json = ApiJson.mapper();

    Transport(HttpClient http, URI base, String token, RetryPolicy retry, String userAgent) {
        String text = base.toString();
        this.http = http;
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.token = token;
        this.retry = retry;
        this.userAgent = userAgent;
    }

    static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Calls the API and maps the JSON answer to {@code type} ({@code null} type: ignore it). */
    <T> T call(String method, String path, Map<String, String> query, Object body, JavaType type) {
        byte[] payload = body == null ? null : toJson(body);
        HttpResponse<byte[]> response =
                send(method, apiUri(path, query), payload, "application/json", path);
        if (type == null || response.body().length == 0) {
            return null;
        }
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new ApiException(
                    response.statusCode(),
                    null,
                    method + " " + path + ": unexpected answer: " + e.getMessage());
        }
    }

    /** Calls the API and ignores the answer's body. */
    void callIgnoringAnswer(String method, String path, Map<String, String> query, Object body) {
        call(method, path, query, body, (JavaType) null);
    }

    /** As {@link #call(String, String, Map, Object, JavaType)} for a plain class. */
    <T> T call(String method, String path, Map<String, String> query, Object body, Class<T> type) {
        return call(method, path, query, body, json.getTypeFactory().constructType(type));
    }

    /** Calls the API for a text answer, which Lightly sends as a JSON string or as plain text. */
    String callForText(String method, String path, Map<String, String> query) {
        HttpResponse<byte[]> response = send(method, apiUri(path, query), null, null, path);
        String text = new String(response.body(), StandardCharsets.UTF_8).trim();
        if (text.startsWith("\"")) {
            try {
                return json.readValue(text, String.class);
            } catch (JsonProcessingException e) {
                return text;
            }
        }
        return text;
    }

    /** PUTs bytes to a signed URL (no token, no Content-Type, as Lightly's client does). */
    void putSigned(String url, byte[] bytes, String what) {
        send("PUT", URI.create(url), bytes, null, what);
    }

    /** GETs a signed URL. */
    byte[] getSigned(String url, String what) {
        return send("GET", URI.create(url), null, null, what).body();
    }

    /**
     * Whether a signed read URL has a blob behind it: a GET of its first byte (a signed URL allows
     * only the method it was signed for, so no HEAD).
     */
    boolean existsSigned(String url, String what) {
        try {
            send("GET", URI.create(url), null, null, what, "bytes=0-0");
            return true;
        } catch (ApiException e) {
            if (e.isNotFound()) {
                return false;
            }
            throw e;
        }
    }

    private HttpResponse<byte[]> send(
            String method, URI uri, byte[] body, String type, String what) {
        return send(method, uri, body, type, what, null);
    }

    private HttpResponse<byte[]> send(
            String method, URI uri, byte[] body, String type, String what, String range) {
        for (int attempt = 1; ; attempt++) {
            long start = System.nanoTime();
            try {
                HttpResponse<byte[]> response =
                        http.send(
                                request(method, uri, body, type, range),
                                HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                log.debug(
                        "{} {} -> {} ({} ms)",
                        method,
                        what,
                        status,
                        (System.nanoTime() - start) / 1_000_000);
                if (status < 300) {
                    return response;
                }
                ApiException error = error(method, what, response);
                if (!RetryPolicy.retryable(status)) {
                    throw error;
                }
                if (attempt >= retry.attempts()) {
                    throw exhausted(error, attempt);
                }
                Duration wait = delay(attempt + 1, response);
                warnRetry(method, what, String.valueOf(status), attempt, wait);
                sleep(wait);
            } catch (IOException e) {
                if (attempt >= retry.attempts()) {
                    throw new ApiException(
                            "Maximum retries exceeded! "
                                    + method
                                    + " "
                                    + what
                                    + " failed "
                                    + attempt
                                    + " times; last error: "
                                    + describe(e),
                            e);
                }
                Duration wait = retry.delayBefore(attempt + 1);
                warnRetry(method, what, describe(e), attempt, wait);
                sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException("interrupted during " + method + " " + what, e);
            }
        }
    }

    private void warnRetry(String method, String what, String why, int attempt, Duration wait) {
        log.warn(
                "{} {} failed ({}); try {} of {} in {} ms",
                method,
                what,
                why,
                attempt + 1,
                retry.attempts(),
                wait.toMillis());
    }

    /** A connection failure in words ({@code java.net.http} often leaves the message empty). */
    static String describe(IOException e) {
        String kind =
                e instanceof java.net.ConnectException
                        ? "cannot connect"
                        : e instanceof java.net.http.HttpTimeoutException
                                ? "timed out"
                                : e.getClass().getSimpleName();
        String message = e.getMessage();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }

    private HttpRequest request(String method, URI uri, byte[] body, String type, String range) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri)
                        .timeout(REQUEST_TIMEOUT)
                        .header("User-Agent", userAgent)
                        .header("Accept", "application/json");
        if (type != null) {
            builder.header("Content-Type", type);
        }
        if (range != null) {
            builder.header("Range", range);
        }
        if (method.equals("PUT") && isAzureSas(uri)) {
            // Azure's Put Blob needs the blob type; Lightly's client sends it for AZURE datasources
            builder.header("x-ms-blob-type", "BlockBlob");
        }
        HttpRequest.BodyPublisher publisher =
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body);
        return builder.method(method, publisher).build();
    }

    /** Whether a URL carries an Azure SAS (the {@code sv} and {@code sig} parameters). */
    static boolean isAzureSas(URI uri) {
        String query = uri.getRawQuery();
        if (query == null) {
            return false;
        }
        boolean version = false;
        boolean signature = false;
        for (String part : query.split("&")) {
            version |= part.startsWith("sv=");
            signature |= part.startsWith("sig=");
        }
        return version && signature;
    }

    private Duration delay(int attempt, HttpResponse<byte[]> response) {
        Duration backoff = retry.delayBefore(attempt);
        Optional<String> after = response.headers().firstValue("Retry-After");
        if (after.isPresent()) {
            try {
                Duration asked = Duration.ofSeconds(Long.parseLong(after.get().trim()));
                return asked.compareTo(retry.maxDelay()) > 0
                        ? retry.maxDelay()
                        : max(asked, backoff);
            } catch (NumberFormatException ignored) {
                // an HTTP date: fall back to our own backoff
            }
        }
        return backoff;
    }

    private ApiException error(String method, String what, HttpResponse<byte[]> response) {
        String code = null;
        String message = new String(response.body(), StandardCharsets.UTF_8).trim();
        try {
            JsonNode node = json.readTree(response.body());
            if (node != null && node.hasNonNull("message")) {
                message = node.get("message").asText();
                code = node.hasNonNull("code") ? node.get("code").asText() : null;
            }
        } catch (IOException ignored) {
            // not JSON: keep the text
        }
        return new ApiException(
                response.statusCode(),
                code,
                method
                        + " "
                        + what
                        + ": "
                        + response.statusCode()
                        + (code == null ? "" : " " + code)
                        + (message.isEmpty() ? "" : ": " + message));
    }

    private static ApiException exhausted(ApiException last, int attempts) {
        return new ApiException(
                last.status(),
                last.code(),
                "Maximum retries exceeded after " + attempts + " tries! " + last.getMessage());
    }

    private URI apiUri(String path, Map<String, String> query) {
        StringJoiner params = new StringJoiner("&", "?", "").setEmptyValue("");
        if (query != null) {
            query.forEach((k, v) -> params.add(encode(k) + "=" + encode(v)));
        }
        if (token != null && !token.isEmpty()) {
            params.add("token=" + encode(token));
        }
        return URI.create(base + path + params);
    }

    /** Encodes one path segment (spaces as %20, not +). */
    static String segment(String value) {
        return encode(value).replace("+", "%20");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private byte[] toJson(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    ObjectMapper json() {
        return json;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted while waiting to retry", e);
        }
    }
}
