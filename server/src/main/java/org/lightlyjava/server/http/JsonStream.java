package org.lightlyjava.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.lightlyjava.api.model.ApiJson;

/**
 * Writes a JSON array while a database query runs, so a listing of a million samples never sits in
 * memory. Once the first byte is out the status is 200; a later failure cuts the response short.
 */
final class JsonStream {

    /** Writes one element. */
    interface ElementWriter<T> {
        void write(JsonGenerator json, T element) throws IOException;
    }

    private JsonStream() {}

    /** One value written by {@code writer}. */
    static <T> void single(Context ctx, T value, ElementWriter<? super T> writer) {
        ctx.status(200).contentType("application/json");
        try (OutputStream out = ctx.res().getOutputStream();
                JsonGenerator json = ApiJson.mapper().createGenerator(out)) {
            writer.write(json, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> void array(
            Context ctx, Consumer<Consumer<T>> source, ElementWriter<? super T> writer) {
        ctx.status(200).contentType("application/json");
        try (OutputStream out = ctx.res().getOutputStream();
                JsonGenerator json = ApiJson.mapper().createGenerator(out)) {
            json.writeStartArray();
            source.accept(
                    element -> {
                        try {
                            writer.write(json, element);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
