package org.lightlyjava.server.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import org.lightlyjava.api.model.ApiJson;

/** An HTTP answer: status, headers, body as text. */
public record Response(int status, HttpHeaders headers, String body) {

    public JsonNode json() {
        try {
            return ApiJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON (" + status + "): " + body, e);
        }
    }

    public <T> T as(Class<T> type) {
        try {
            return ApiJson.mapper().readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new AssertionError(
                    "not a " + type.getSimpleName() + " (" + status + "): " + body, e);
        }
    }

    /** The body as a JSON string value (URLs, versions, quota). */
    public String string() {
        return json().asText();
    }

    public String code() {
        return json().path("code").asText();
    }

    public String message() {
        return json().path("message").asText();
    }
}
