package org.lightlyjava.server.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.lightlyjava.api.model.ApiJson;

/** JSON documents kept as text in the database. */
final class Json {

    private Json() {}

    /**
     * The node when it is an object; null when absent or JSON null.
     *
     * @throws ApiProblem 400 for any other JSON value
     */
    static JsonNode object(JsonNode node, String what) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isObject()) {
            throw ApiProblem.badRequest(what + " must be a JSON object");
        }
        return node;
    }

    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        try {
            return ApiJson.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("cannot store JSON: " + e.getOriginalMessage());
        }
    }

    static JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ApiJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse", e);
        }
    }

    /** {@code metaData.sizeInBytes} when it is a non-negative number, else 0. */
    static long sizeInBytes(JsonNode metaData) {
        if (metaData == null) {
            return 0;
        }
        JsonNode size = metaData.get("sizeInBytes");
        return size != null && size.isNumber() ? Math.max(0, size.asLong()) : 0;
    }
}
