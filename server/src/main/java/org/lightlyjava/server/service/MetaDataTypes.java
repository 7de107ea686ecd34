package org.lightlyjava.server.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The types of the {@code metaData} keys Lightly defines ({@code SampleMetaData} of its API):
 * numbers, whole numbers, lists of either, objects. Other keys are kept as sent (Lightly's clients
 * add some, such as {@code is_corrupted}); JSON null counts as absent.
 */
final class MetaDataTypes {

    private enum Type {
        NUMBER("a number"),
        WHOLE("a whole number"),
        NUMBERS("a list of numbers"),
        WHOLES("a list of whole numbers"),
        OBJECT("a JSON object");

        private final String description;

        Type(String description) {
            this.description = description;
        }
    }

    private static final Map<String, Type> KEYS =
            Map.ofEntries(
                    Map.entry("sharpness", Type.NUMBER),
                    Map.entry("snr", Type.NUMBER),
                    Map.entry("uniformRowRatio", Type.NUMBER),
                    Map.entry("sizeInBytes", Type.WHOLE),
                    Map.entry("mean", Type.NUMBERS),
                    Map.entry("std", Type.NUMBERS),
                    Map.entry("sumOfSquares", Type.NUMBERS),
                    Map.entry("sumOfValues", Type.NUMBERS),
                    Map.entry("shape", Type.WHOLES),
                    Map.entry("custom", Type.OBJECT),
                    Map.entry("dynamic", Type.OBJECT));

    private MetaDataTypes() {}

    /**
     * Checks the keys Lightly defines.
     *
     * @param field how the request names the object, for example {@code samples[3].metaData}
     * @throws ApiProblem 400 naming the first key of the wrong type
     */
    static void check(JsonNode metaData, String field) {
        if (metaData == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : metaData.properties()) {
            Type type = KEYS.get(entry.getKey());
            JsonNode value = entry.getValue();
            if (type != null && !value.isNull() && !fits(value, type)) {
                throw ApiProblem.badRequest(
                        field
                                + "."
                                + entry.getKey()
                                + " must be "
                                + type.description
                                + ", got "
                                + Ids.shorten(value.toString()));
            }
        }
    }

    private static boolean fits(JsonNode value, Type type) {
        return switch (type) {
            case NUMBER -> value.isNumber();
            case WHOLE -> value.isIntegralNumber();
            case OBJECT -> value.isObject();
            case NUMBERS, WHOLES -> {
                if (!value.isArray()) {
                    yield false;
                }
                for (JsonNode item : value) {
                    if (type == Type.NUMBERS ? !item.isNumber() : !item.isIntegralNumber()) {
                        yield false;
                    }
                }
                yield true;
            }
        };
    }
}
