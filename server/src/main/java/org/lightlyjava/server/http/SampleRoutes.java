package org.lightlyjava.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.lightlyjava.api.model.CreateEntityResponse;
import org.lightlyjava.api.model.SampleBatchRequest;
import org.lightlyjava.api.model.SampleCreateRequest;
import org.lightlyjava.api.model.SampleUpdateRequest;
import org.lightlyjava.server.service.ApiProblem;
import org.lightlyjava.server.service.Page;
import org.lightlyjava.server.store.DatasetAccess.Role;
import org.lightlyjava.server.store.DatasetRecord;
import org.lightlyjava.server.store.SampleRecord;

/** {@code /v1/datasets/{datasetId}/samples...} and {@code .../mappings}. */
final class SampleRoutes {

    private static final String SAMPLES = "/v1/datasets/{datasetId}/samples";
    private static final String SAMPLE = SAMPLES + "/{sampleId}";

    private final Handlers h;

    SampleRoutes(Handlers handlers) {
        this.h = handlers;
    }

    void register(RoutesConfig routes) {
        routes.post(SAMPLES, this::create);
        routes.post(SAMPLES + "/batch", this::batch);
        routes.get(SAMPLES, this::list);
        routes.get(SAMPLES + "/partial", this::partial);
        routes.get("/v1/datasets/{datasetId}/mappings", this::mappings);
        routes.get(SAMPLE, this::get);
        routes.put(SAMPLE, this::update);
        routes.get(SAMPLE + "/writeurl", this::writeUrl);
        routes.get(SAMPLE + "/writeurls", this::writeUrls);
        routes.get(SAMPLE + "/readurl", this::readUrl);
        routes.get(SAMPLE + "/readurlRedirect", this::readUrlRedirect);
    }

    private void create(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        SampleCreateRequest request = JsonBody.read(ctx, SampleCreateRequest.class, h.maxJson());
        ctx.json(new CreateEntityResponse(h.services.samples().create(dataset, request)));
    }

    private void batch(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        SampleBatchRequest request = JsonBody.read(ctx, SampleBatchRequest.class, h.maxJson());
        ctx.json(h.services.samples().batch(dataset, request, h.base(ctx)));
    }

    private void list(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        String fileName = ctx.queryParam("fileName");
        Page page = Params.page(ctx);
        JsonStream.<SampleRecord>array(
                ctx,
                sink -> h.services.samples().forEach(dataset, fileName, page, sink),
                SampleJson::full);
    }

    private void partial(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        String mode = ctx.queryParam("mode") == null ? "full" : ctx.queryParam("mode");
        JsonStream.ElementWriter<SampleRecord> writer =
                switch (mode) {
                    case "ids" -> SampleJson::ids;
                    case "fileNames" -> SampleJson::fileNames;
                    case "full" -> SampleJson::full;
                    default ->
                            throw ApiProblem.badRequest(
                                    "mode must be ids, fileNames or full, got '" + mode + "'");
                };
        String fileName = ctx.queryParam("fileName");
        Page page = Params.page(ctx);
        JsonStream.<SampleRecord>array(
                ctx, sink -> h.services.samples().forEach(dataset, fileName, page, sink), writer);
    }

    private void mappings(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        String field = Params.required(ctx, "field");
        if (!field.equals("fileName") && !field.equals("_id")) {
            throw ApiProblem.badRequest("field must be fileName or _id, got '" + field + "'");
        }
        JsonStream.<String>array(
                ctx,
                sink -> h.services.samples().mappings(dataset, field, sink),
                (json, value) -> json.writeString(value));
    }

    private SampleRecord sample(Context ctx, DatasetRecord dataset) {
        return h.services.samples().get(dataset, ctx.pathParam("sampleId"));
    }

    private void get(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        SampleRecord sample = sample(ctx, dataset);
        JsonStream.single(ctx, sample, SampleJson::full);
    }

    private void update(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        SampleUpdateRequest request = JsonBody.read(ctx, SampleUpdateRequest.class, h.maxJson());
        h.services.samples().update(dataset, ctx.pathParam("sampleId"), request);
        ctx.status(200);
    }

    private void writeUrl(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx, Role.WRITE);
        SampleRecord sample = sample(ctx, dataset);
        boolean thumbnail = Params.requiredBool(ctx, "isThumbnail");
        ctx.json(h.services.sampleUrls().writeUrl(dataset, sample, thumbnail, h.base(ctx)));
    }

    private void writeUrls(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx, Role.WRITE);
        SampleRecord sample = sample(ctx, dataset);
        ctx.json(h.services.sampleUrls().writeUrls(dataset, sample, h.base(ctx)));
    }

    private String readUrlOf(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        SampleRecord sample = sample(ctx, dataset);
        return h.services
                .sampleUrls()
                .readUrl(dataset, sample, ctx.queryParam("type"), h.base(ctx));
    }

    private void readUrl(Context ctx) {
        ctx.json(readUrlOf(ctx));
    }

    private void readUrlRedirect(Context ctx) {
        ctx.redirect(readUrlOf(ctx), HttpStatus.FOUND);
    }
}
