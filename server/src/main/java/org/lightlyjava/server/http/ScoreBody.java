package org.lightlyjava.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.lightlyjava.server.service.ApiProblem;
import org.lightlyjava.server.service.ScoreService;

/**
 * The body of {@code POST .../tags/{tagId}/scores}, {@code {"scoreType": "...", "scores": [...]}},
 * read as a stream into a {@code double[]} (a million scores never become a million JSON nodes).
 * {@code NaN} and {@code Infinity}, which Python's {@code json} writes, are read so that the
 * refusal names the value's place. A key twice, a string where a number belongs and trailing text
 * answer 400 naming the field; unknown keys are ignored.
 */
final class ScoreBody {

    private static final JsonFactory JSON =
            JsonFactory.builder()
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build();

    private ScoreBody() {}

    static ScoreService.Upload read(Context ctx, long maxBytes) {
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw ApiProblem.malformed("cannot read the request body: " + e.getMessage());
        }
        if (body.length > maxBytes) {
            throw ApiProblem.tooLarge(
                    "the JSON body is larger than the limit of " + maxBytes + " bytes");
        }
        try (JsonParser p = JSON.createParser(body)) {
            return parse(p);
        } catch (JsonParseException e) {
            throw ApiProblem.malformed("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiProblem.malformed("cannot read the request body: " + e.getMessage());
        }
    }

    static ScoreService.Upload parse(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw ApiProblem.malformed("the body must be a JSON object");
        }
        String type = null;
        double[] scores = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("scoreType")) {
                if (value != JsonToken.VALUE_STRING) {
                    throw ApiProblem.badRequest("scoreType must be a string, got " + kind(value));
                }
                type = p.getText();
            } else if (name.equals("scores")) {
                scores = scores(p, value);
            } else {
                p.skipChildren();
            }
        }
        if (p.nextToken() != null) {
            throw ApiProblem.malformed("the body has text after its JSON object");
        }
        return new ScoreService.Upload(type, scores);
    }

    private static double[] scores(JsonParser p, JsonToken start) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            throw ApiProblem.badRequest("scores must be an array of numbers, got " + kind(start));
        }
        double[] values = new double[1024];
        int n = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
                throw ApiProblem.badRequest("scores[" + n + "] must be a number, got " + kind(t));
            }
            double value = p.getDoubleValue();
            if (!Double.isFinite(value)) {
                throw ApiProblem.badRequest(
                        "scores[" + n + "] must be a finite number, got " + p.getText());
            }
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            values[n++] = value;
        }
        if (n == 0) {
            throw ApiProblem.badRequest("scores must hold at least one number");
        }
        return Arrays.copyOf(values, n);
    }

    private static String kind(JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NULL -> "null";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> "a number";
        };
    }
}
