package org.lightlyjava.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import org.lightlyjava.server.service.ApiProblem;

/**
 * Reads a JSON request body of at most a given length by {@link StrictJson}'s rules; unknown fields
 * are ignored.
 */
final class JsonBody {

    private JsonBody() {}

    static <T> T read(Context ctx, Class<T> type, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw ApiProblem.malformed("cannot read the request body: " + e.getMessage());
        }
        if (body.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (body.length == 0) {
            throw ApiProblem.malformed("the request needs a JSON body");
        }
        T value = StrictJson.read(body, type);
        if (value == null) {
            throw ApiProblem.malformed("the body must be a JSON object, not null");
        }
        return value;
    }

    private static ApiProblem tooLarge(long maxBytes) {
        return ApiProblem.tooLarge(
                "the JSON body is larger than the limit of " + maxBytes + " bytes");
    }
}
