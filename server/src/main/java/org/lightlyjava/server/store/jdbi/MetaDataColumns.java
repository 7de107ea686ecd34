package org.lightlyjava.server.store.jdbi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.jdbi.v3.core.statement.SqlStatement;
import org.lightlyjava.api.model.ApiJson;

/**
 * The values of a sample's {@code metaData} that listings sort and filter by, kept in columns of
 * their own ({@code sharpness}, {@code snr}, {@code width}, {@code height}) so that indices serve
 * them. Lightly's {@code shape} is {@code [height, width, channels]}. A value that is absent or not
 * a number is null.
 */
record MetaDataColumns(Double sharpness, Double snr, Integer width, Integer height) {

    static final MetaDataColumns NONE = new MetaDataColumns(null, null, null, null);

    /** The columns of a stored {@code metaData} text (null: none). */
    static MetaDataColumns of(String metaData) {
        if (metaData == null) {
            return NONE;
        }
        JsonNode meta;
        try {
            meta = ApiJson.mapper().readTree(metaData);
        } catch (JsonProcessingException e) {
            return NONE;
        }
        JsonNode shape = meta.path("shape");
        return new MetaDataColumns(
                number(meta.get("sharpness")),
                number(meta.get("snr")),
                whole(shape.get(1)),
                whole(shape.get(0)));
    }

    /** Binds {@code :sharpness}, {@code :snr}, {@code :width} and {@code :height}. */
    <T extends SqlStatement<T>> T bind(T statement) {
        return statement
                .bind("sharpness", sharpness)
                .bind("snr", snr)
                .bind("width", width)
                .bind("height", height);
    }

    private static Double number(JsonNode node) {
        return node != null && node.isNumber() && Double.isFinite(node.asDouble())
                ? node.asDouble()
                : null;
    }

    private static Integer whole(JsonNode node) {
        return node != null && node.canConvertToInt() && node.isIntegralNumber()
                ? node.asInt()
                : null;
    }
}
