package org.lightlyjava.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.lightlyjava.api.model.ApiJson;
import org.lightlyjava.server.store.SampleRecord;

/**
 * A sample as {@link org.lightlyjava.api.model.SampleData} JSON, written straight from the stored
 * record: the JSON documents go out as the text they are stored as, never parsed again.
 */
final class SampleJson {

    private SampleJson() {}

    static void full(JsonGenerator json, SampleRecord s) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", s.id());
        json.writeStringField("type", s.type());
        json.writeStringField("datasetId", s.datasetId());
        json.writeStringField("fileName", s.fileName());
        if (s.thumbName() != null) {
            json.writeStringField("thumbName", s.thumbName());
        }
        raw(json, "exif", s.exif());
        json.writeNumberField("index", s.index());
        json.writeNumberField("createdAt", s.createdAt());
        json.writeNumberField("lastModifiedAt", s.lastModifiedAt());
        raw(json, "metaData", s.metaData());
        raw(json, "customMetaData", s.customMetaData());
        json.writeEndObject();
    }

    /** The sample's {@code SampleData} JSON as text. */
    static String text(SampleRecord s) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = ApiJson.mapper().createGenerator(text)) {
            full(json, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** {@code samples/partial?mode=ids}. */
    static void ids(JsonGenerator json, SampleRecord s) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", s.id());
        json.writeEndObject();
    }

    /** {@code samples/partial?mode=fileNames}. */
    static void fileNames(JsonGenerator json, SampleRecord s) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", s.id());
        json.writeStringField("fileName", s.fileName());
        json.writeEndObject();
    }

    private static void raw(JsonGenerator json, String field, String text) throws IOException {
        if (text != null) {
            json.writeFieldName(field);
            json.writeRawValue(text);
        }
    }
}
