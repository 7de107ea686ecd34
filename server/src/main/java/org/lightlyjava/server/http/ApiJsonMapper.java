package org.lightlyjava.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.json.JsonMapper;
import java.lang.reflect.Type;
import org.lightlyjava.api.model.ApiJson;

/** Javalin's JSON through the API's own conventions ({@link ApiJson}). */
final class ApiJsonMapper implements JsonMapper {

    @Override
    public String toJsonString(Object obj, Type type) {
        try {
            return ApiJson.mapper().writeValueAsString(obj);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
