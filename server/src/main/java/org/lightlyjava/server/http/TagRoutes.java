package org.lightlyjava.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.lightlyjava.api.model.CreateEntityResponse;
import org.lightlyjava.api.model.InitialTagCreateRequest;
import org.lightlyjava.api.model.TagArithmeticsRequest;
import org.lightlyjava.api.model.TagBitMaskResponse;
import org.lightlyjava.api.model.TagCreateRequest;
import org.lightlyjava.api.model.TagUpsizeRequest;
import org.lightlyjava.server.service.TagService;
import org.lightlyjava.server.store.DatasetAccess.Role;
import org.lightlyjava.server.store.DatasetRecord;

/** {@code /v1/datasets/{datasetId}/tags...}. */
final class TagRoutes {

    private static final String TAGS = "/v1/datasets/{datasetId}/tags";

    private final Handlers h;

    TagRoutes(Handlers handlers) {
        this.h = handlers;
    }

    void register(RoutesConfig routes) {
        routes.get(TAGS, ctx -> ctx.json(h.services.tags().list(h.dataset(ctx))));
        routes.post(TAGS, this::create);
        routes.post(TAGS + "/initial", this::initial);
        routes.post(TAGS + "/upsize", this::upsize);
        routes.post(TAGS + "/arithmetics", ctx -> arithmetic(ctx, true));
        routes.post(TAGS + "/arithmetics/bitmask", ctx -> arithmetic(ctx, false));
        routes.get(TAGS + "/{tagId}", this::get);
        routes.get(TAGS + "/{tagId}/filenames", this::fileNames);
        routes.delete(TAGS + "/{tagId}", this::delete);
    }

    private void create(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        TagCreateRequest request = JsonBody.read(ctx, TagCreateRequest.class, h.maxJson());
        ctx.json(new CreateEntityResponse(h.services.tags().create(dataset, request)));
    }

    private void initial(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        InitialTagCreateRequest request =
                JsonBody.read(ctx, InitialTagCreateRequest.class, h.maxJson());
        ctx.json(new CreateEntityResponse(h.services.tags().initial(dataset, request)));
    }

    private void upsize(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        TagUpsizeRequest request = JsonBody.read(ctx, TagUpsizeRequest.class, h.maxJson());
        ctx.json(new CreateEntityResponse(h.services.tags().upsize(dataset, request)));
    }

    /** With {@code newTagName} the plain route makes a tag and answers its id. */
    private void arithmetic(Context ctx, boolean mayCreate) {
        // Computing a bitmask only reads; making a tag (newTagName) writes.
        h.dataset(ctx, Role.READ);
        TagArithmeticsRequest request =
                JsonBody.read(ctx, TagArithmeticsRequest.class, h.maxJson());
        boolean creates = mayCreate && request.newTagName() != null;
        DatasetRecord dataset = h.dataset(ctx, creates ? Role.WRITE : Role.READ);
        TagService.Arithmetic result = h.services.tags().arithmetic(dataset, request, mayCreate);
        if (result.createdTagId() != null) {
            ctx.json(new CreateEntityResponse(result.createdTagId()));
        } else {
            ctx.json(new TagBitMaskResponse(result.bitMaskData()));
        }
    }

    private void get(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        ctx.json(TagService.toData(h.services.tags().get(dataset, ctx.pathParam("tagId"))));
    }

    private void fileNames(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        ctx.json(h.services.tags().fileNames(dataset, ctx.pathParam("tagId")));
    }

    private void delete(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        h.services.tags().delete(dataset, ctx.pathParam("tagId"));
        ctx.status(200);
    }
}
