package org.lightlyjava.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import org.lightlyjava.server.service.ApiProblem;
import org.lightlyjava.server.service.Page;
import org.lightlyjava.server.service.TagExports.NameFormat;
import org.lightlyjava.server.service.TagExports.Row;
import org.lightlyjava.server.store.DatasetRecord;
import org.lightlyjava.server.store.TagRecord;

/**
 * Lightly's tag exports, {@code GET /v1/datasets/{datasetId}/tags/{tagId}/export/...}: {@code
 * basic/filenames} (text, one line per sample, or a JSON array with {@code format=JSON}), {@code
 * basic/filenamesAndReadUrls}, {@code LabelStudio/tasks}, {@code LabelBox/datarows}, {@code
 * LabelBoxV4/datarows} and {@code Sama/tasks} (JSON arrays of Lightly's models). Query options:
 * {@code fileNameFormat}, {@code includeMetaData}, {@code format}, {@code previewExample}, {@code
 * pageSize}/{@code pageOffset}, {@code expiresIn} (seconds, up to 7 days; without it read URLs last
 * the server's read lifetime); {@code accessControl} is accepted and ignored. A read URL is empty
 * text when a sample's image and thumbnail are nowhere to read.
 */
final class TagExportRoutes {

    private static final String EXPORT = "/v1/datasets/{datasetId}/tags/{tagId}/export/";
    private static final long MAX_EXPIRES_IN = 7 * 24 * 3600;

    private final Handlers h;

    TagExportRoutes(Handlers handlers) {
        this.h = handlers;
    }

    /** A request's options, checked before anything is written. */
    private record Request(
            DatasetRecord dataset,
            TagRecord tag,
            NameFormat format,
            boolean json,
            boolean metaData,
            boolean preview,
            Page page,
            String base,
            Duration ttl) {}

    void register(RoutesConfig routes) {
        routes.get(EXPORT + "basic/filenames", this::fileNames);
        routes.get(
                EXPORT + "basic/filenamesAndReadUrls",
                ctx -> json(ctx, NameFormat.REDIRECTED_READ_URL, TagExportRoutes::nameAndUrl));
        routes.get(
                EXPORT + "LabelStudio/tasks",
                ctx -> json(ctx, NameFormat.REDIRECTED_READ_URL, TagExportRoutes::labelStudio));
        routes.get(
                EXPORT + "LabelBox/datarows",
                ctx -> json(ctx, NameFormat.REDIRECTED_READ_URL, TagExportRoutes::labelBox));
        routes.get(
                EXPORT + "LabelBoxV4/datarows",
                ctx -> json(ctx, NameFormat.REDIRECTED_READ_URL, TagExportRoutes::labelBoxV4));
        routes.get(
                EXPORT + "Sama/tasks",
                ctx -> json(ctx, NameFormat.REDIRECTED_READ_URL, TagExportRoutes::sama));
    }

    private Request request(Context ctx, NameFormat fallback, boolean jsonByDefault) {
        DatasetRecord dataset = h.dataset(ctx);
        Long expiresIn = Params.optionalLong(ctx, "expiresIn");
        if (expiresIn != null && (expiresIn < 1 || expiresIn > MAX_EXPIRES_IN)) {
            throw ApiProblem.badRequest(
                    "expiresIn must be 1 to "
                            + MAX_EXPIRES_IN
                            + " seconds (7 days, the longest a presigned S3 URL lasts), got "
                            + expiresIn);
        }
        Duration ttl = expiresIn == null ? null : Duration.ofSeconds(expiresIn);
        NameFormat format = NameFormat.parse(ctx.queryParam("fileNameFormat"), fallback);
        boolean json = outputFormat(ctx.queryParam("format"), jsonByDefault);
        boolean metaData = Params.bool(ctx, "includeMetaData", false);
        boolean preview = Params.bool(ctx, "previewExample", false);
        Page page = Params.page(ctx);
        TagRecord tag = h.services.tags().get(dataset, ctx.pathParam("tagId"));
        return new Request(dataset, tag, format, json, metaData, preview, page, h.base(ctx), ttl);
    }

    /** Lightly's {@code FileOutputFormat}: true for {@code JSON}, false for {@code PLAIN}. */
    private static boolean outputFormat(String value, boolean fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        return switch (value) {
            case "JSON" -> true;
            case "PLAIN" -> false;
            default ->
                    throw ApiProblem.badRequest(
                            "format must be JSON or PLAIN, got '" + value + "'");
        };
    }

    /** The rows to stream, prepared before the first byte goes out. */
    private Consumer<Consumer<Row>> rows(Request r) {
        return h.services
                .tagExports()
                .page(r.dataset(), r.tag(), r.format(), r.page(), r.preview(), r.base(), r.ttl());
    }

    /** Text: one line per sample, no newline after the last (Lightly's client joins pages). */
    private void fileNames(Context ctx) {
        Request r = request(ctx, NameFormat.NAME, false);
        Consumer<Consumer<Row>> rows = rows(r);
        if (r.json()) {
            JsonStream.<Row>array(ctx, rows, (json, row) -> json.writeString(text(row)));
            return;
        }
        ctx.status(200).contentType("text/plain; charset=utf-8");
        try (Writer out =
                new BufferedWriter(
                        new OutputStreamWriter(
                                ctx.res().getOutputStream(), StandardCharsets.UTF_8))) {
            boolean[] first = {true};
            rows.accept(
                    row -> {
                        try {
                            if (!first[0]) {
                                out.write('\n');
                            }
                            first[0] = false;
                            out.write(text(row));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one element of a JSON export. */
    private interface ExportWriter {
        void write(JsonGenerator json, Row row, boolean metaData) throws IOException;
    }

    private void json(Context ctx, NameFormat fallback, ExportWriter writer) {
        Request r = request(ctx, fallback, true);
        JsonStream.<Row>array(ctx, rows(r), (json, row) -> writer.write(json, row, r.metaData()));
    }

    private static String text(Row row) {
        return row.text() == null ? "" : row.text();
    }

    /** {@code FilenameAndReadUrl}. */
    private static void nameAndUrl(JsonGenerator json, Row row, boolean metaData)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("fileName", row.sample().fileName());
        json.writeStringField("readUrl", text(row));
        json.writeEndObject();
    }

    /** {@code LabelStudioTask}: {@code id}, {@code data} with the sample as {@code SampleData}. */
    private static void labelStudio(JsonGenerator json, Row row, boolean metaData)
            throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", row.position());
        json.writeObjectFieldStart("data");
        json.writeStringField("image", text(row));
        json.writeStringField("lightlyFileName", row.sample().fileName());
        if (metaData) {
            json.writeFieldName("lightlyMetaInfo");
            SampleJson.full(json, row.sample());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** {@code LabelBoxDataRow} (Labelbox v3). */
    private static void labelBox(JsonGenerator json, Row row, boolean metaData) throws IOException {
        json.writeStartObject();
        json.writeStringField("externalId", row.sample().fileName());
        json.writeStringField("imageUrl", text(row));
        json.writeEndObject();
    }

    /** {@code LabelBoxV4DataRow}: snake_case, as Labelbox v4 reads it. */
    private static void labelBoxV4(JsonGenerator json, Row row, boolean metaData)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("row_data", text(row));
        json.writeStringField("global_key", row.sample().fileName());
        json.writeStringField("media_type", "IMAGE");
        json.writeEndObject();
    }

    /** {@code SamaTask}: the sample as JSON text in {@code lightlyMetaInfo}. */
    private static void sama(JsonGenerator json, Row row, boolean metaData) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("data");
        json.writeNumberField("id", row.position());
        json.writeStringField("url", text(row));
        json.writeStringField("image", text(row));
        json.writeStringField("lightlyFileName", row.sample().fileName());
        if (metaData) {
            json.writeStringField("lightlyMetaInfo", SampleJson.text(row.sample()));
        }
        json.writeEndObject();
        json.writeEndObject();
    }
}
