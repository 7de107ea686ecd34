package org.lightlyjava.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The JSON conventions of Lightly's API v1: camelCase keys, absent values omitted (as Lightly's
 * generated client omits {@code None}), unknown fields tolerated (Lightly's clients send extra keys
 * such as {@code is_corrupted} inside {@code metaData}).
 */
public final class ApiJson {

    private static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private ApiJson() {}

    /** A shared, thread-safe mapper with these conventions; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
