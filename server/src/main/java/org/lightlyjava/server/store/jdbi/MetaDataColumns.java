package org.lightlyjava.server.store.jdbi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
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

    /**
     * The columns of a stored {@code metaData} text (null: none). Reads the text as a stream of
     * tokens, skipping what no column needs: every sample of a batch passes through here. As with a
     * parsed tree, the last of repeated keys counts.
     */
    static MetaDataColumns of(String metaData) {
        if (metaData == null) {
            return NONE;
        }
        try (JsonParser json = ApiJson.mapper().createParser(metaData)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return NONE;
            }
            Double sharpness = null;
            Double snr = null;
            Integer[] shape = {null, null};
            for (String key = json.nextFieldName(); key != null; key = json.nextFieldName()) {
                JsonToken value = json.nextToken();
                switch (key) {
                    case "sharpness" -> sharpness = number(json, value);
                    case "snr" -> snr = number(json, value);
                    case "shape" -> shape = heightAndWidth(json, value);
                    default -> json.skipChildren();
                }
            }
            if (json.currentToken() != JsonToken.END_OBJECT) {
                return NONE;
            }
            return new MetaDataColumns(sharpness, snr, shape[1], shape[0]);
        } catch (IOException e) {
            return NONE;
        }
    }

    /** Binds {@code :sharpness}, {@code :snr}, {@code :width} and {@code :height}. */
    <T extends SqlStatement<T>> T bind(T statement) {
        return statement
                .bind("sharpness", sharpness)
                .bind("snr", snr)
                .bind("width", width)
                .bind("height", height);
    }

    private static Double number(JsonParser json, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            json.skipChildren();
            return null;
        }
        double value = json.getDoubleValue();
        return Double.isFinite(value) ? value : null;
    }

    /** The first two elements of an array, each when it is an int; {null, null} otherwise. */
    private static Integer[] heightAndWidth(JsonParser json, JsonToken token) throws IOException {
        Integer[] out = {null, null};
        if (token != JsonToken.START_ARRAY) {
            json.skipChildren();
            return out;
        }
        int index = 0;
        for (JsonToken element = json.nextToken();
                element != JsonToken.END_ARRAY;
                element = json.nextToken()) {
            if (element == null) {
                throw new IOException("the array does not end");
            }
            if (index < 2
                    && element == JsonToken.VALUE_NUMBER_INT
                    && json.getNumberType() == JsonParser.NumberType.INT) {
                out[index] = json.getIntValue();
            }
            json.skipChildren();
            index++;
        }
        return out;
    }
}
