package org.lightlyjava.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.lightlyjava.api.model.CreateEntityResponse;
import org.lightlyjava.api.model.DatasetCreateRequest;
import org.lightlyjava.api.model.JobStatusMeta;
import org.lightlyjava.server.service.DatasetService;
import org.lightlyjava.server.store.DatasetAccess.Role;

/** {@code /v1/datasets}. */
final class DatasetRoutes {

    private final Handlers h;

    DatasetRoutes(Handlers handlers) {
        this.h = handlers;
    }

    void register(RoutesConfig routes) {
        routes.post("/v1/datasets", this::create);
        routes.get("/v1/datasets", this::list);
        routes.get("/v1/datasets/query/name/{datasetName}", this::queryByName);
        routes.get("/v1/datasets/{datasetId}", this::get);
        routes.delete("/v1/datasets/{datasetId}", this::delete);
        routes.put("/v1/datasets/{datasetId}/registerDatasetUpload", this::registerUpload);
    }

    private void create(Context ctx) {
        DatasetCreateRequest request = JsonBody.read(ctx, DatasetCreateRequest.class, h.maxJson());
        ctx.json(new CreateEntityResponse(h.services.datasets().create(Auth.user(ctx), request)));
    }

    private void list(Context ctx) {
        boolean shared = Params.bool(ctx, "shared", false);
        ctx.json(h.services.datasets().list(Auth.user(ctx), shared, Params.page(ctx)));
    }

    private void queryByName(Context ctx) {
        boolean exact = Params.bool(ctx, "exact", false);
        boolean shared = Params.bool(ctx, "shared", false);
        String name = ctx.pathParam("datasetName");
        ctx.json(h.services.datasets().queryByName(Auth.user(ctx), name, exact, shared));
    }

    private void get(Context ctx) {
        ctx.json(DatasetService.toData(h.access(ctx, Role.READ)));
    }

    private void delete(Context ctx) {
        h.services.datasets().delete(Auth.user(ctx), ctx.pathParam("datasetId"));
        ctx.status(200);
    }

    private void registerUpload(Context ctx) {
        var dataset = h.dataset(ctx);
        JobStatusMeta meta = JsonBody.read(ctx, JobStatusMeta.class, h.maxJson());
        h.services.datasets().registerUpload(dataset, meta);
        ctx.status(200);
    }
}
