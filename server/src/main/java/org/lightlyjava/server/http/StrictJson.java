package org.lightlyjava.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lightlyjava.api.model.ApiJson;
import org.lightlyjava.server.service.ApiProblem;

/**
 * Request bodies read strictly: one JSON value and nothing after it, no key twice in an object, no
 * lone UTF-16 surrogate in a string or key, no number beyond a double's range, and no number or
 * boolean where a string belongs (nor a string or fraction where a whole number belongs). A refusal
 * is a 400 that names the field. Unknown fields are still ignored, as Lightly's clients send extra
 * ones. The shared {@link ApiJson} mapper stays lenient for the clients.
 */
final class StrictJson {

    private static final ObjectMapper MAPPER = strictMapper();

    private StrictJson() {}

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper =
                JsonMapper.builder()
                        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .build();
        for (CoercionInputShape shape :
                List.of(
                        CoercionInputShape.Integer,
                        CoercionInputShape.Float,
                        CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    /**
     * The body as a {@code type}.
     *
     * @throws ApiProblem 400 naming the field that broke a rule
     */
    static <T> T read(byte[] body, Class<T> type) {
        return convert(tree(body), type);
    }

    /** A JSON tree as a {@code type}, by the same rules (its text was checked by {@link #read}). */
    static <T> T convert(JsonNode tree, Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            throw ApiProblem.malformed(at(path(e.getPath())) + problem(e));
        } catch (JsonProcessingException e) {
            throw ApiProblem.malformed("the body is not valid JSON here: " + problem(e));
        }
    }

    /** Parses and checks the text token by token, so that a refusal can name where it happened. */
    private static JsonNode tree(byte[] body) {
        try (JsonParser parser = MAPPER.createParser(body)) {
            check(parser);
        } catch (JsonProcessingException e) {
            JsonStreamContext context =
                    e.getProcessor() instanceof JsonParser p ? p.getParsingContext() : null;
            throw ApiProblem.malformed(
                    "the body is not valid JSON: " + at(context, false) + problem(e));
        } catch (IOException e) {
            throw ApiProblem.malformed("cannot read the request body: " + e.getMessage());
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw ApiProblem.malformed("the body is not valid JSON: " + e.getMessage());
        }
    }

    private static void check(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw ApiProblem.malformed("the request needs a JSON body");
        }
        Deque<Set<String>> keys = new ArrayDeque<>();
        int depth = 0;
        do {
            switch (token) {
                case START_OBJECT -> {
                    depth++;
                    keys.push(new HashSet<>());
                }
                case START_ARRAY -> depth++;
                case END_OBJECT -> {
                    depth--;
                    keys.pop();
                }
                case END_ARRAY -> depth--;
                case FIELD_NAME -> {
                    requireWholeText(parser, parser.currentName(), "key", false);
                    if (!keys.peek().add(parser.currentName())) {
                        throw ApiProblem.malformed(
                                at(parser.getParsingContext(), true)
                                        + "the key appears twice in its object");
                    }
                }
                case VALUE_STRING -> requireWholeText(parser, parser.getText(), "string", true);
                case VALUE_NUMBER_FLOAT -> requireFinite(parser);
                default -> {}
            }
            token = depth > 0 ? parser.nextToken() : null;
        } while (token != null);
        if (parser.nextToken() != null) {
            throw ApiProblem.malformed("the body is not valid JSON: it holds more than one value");
        }
    }

    private static void requireWholeText(
            JsonParser parser, String text, String what, boolean withName) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw ApiProblem.malformed(
                        at(parser.getParsingContext(), withName)
                                + "a "
                                + what
                                + " holds a lone UTF-16 surrogate (\\u"
                                + Integer.toHexString(c)
                                + "), which is no Unicode text");
            }
        }
    }

    private static void requireFinite(JsonParser parser) throws IOException {
        if (!Double.isFinite(parser.getDoubleValue())) {
            throw ApiProblem.malformed(
                    at(parser.getParsingContext(), true)
                            + parser.getText()
                            + " is beyond the range of a double");
        }
    }

    /**
     * {@code "samples[2].metaData.snr: "} for a parser's position; without {@code withName} the
     * innermost object's current key is left out (a parse error may come before the key is set).
     */
    private static String at(JsonStreamContext context, boolean withName) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                path.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null && (withName || c != context)) {
                path.insert(0, "." + c.getCurrentName());
            }
        }
        return at(path.toString());
    }

    private static String at(String path) {
        String field = path.startsWith(".") ? path.substring(1) : path;
        return field.isEmpty() ? "" : field + ": ";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String problem(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
    }
}
