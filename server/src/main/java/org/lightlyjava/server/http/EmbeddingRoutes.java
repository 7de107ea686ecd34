package org.lightlyjava.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.lightlyjava.api.model.Trigger2dEmbeddingJobRequest;
import org.lightlyjava.server.store.DatasetAccess.Role;
import org.lightlyjava.server.store.DatasetRecord;

/** {@code /v1/datasets/{datasetId}/embeddings...}. */
final class EmbeddingRoutes {

    private static final String EMBEDDINGS = "/v1/datasets/{datasetId}/embeddings";
    private static final String EMBEDDING = EMBEDDINGS + "/{embeddingId}";

    private final Handlers h;

    EmbeddingRoutes(Handlers handlers) {
        this.h = handlers;
    }

    void register(RoutesConfig routes) {
        routes.get(EMBEDDINGS, ctx -> ctx.json(h.services.embeddings().list(h.dataset(ctx))));
        routes.get(EMBEDDINGS + "/writeCSVUrl", this::writeCsvUrl);
        routes.get(EMBEDDING + "/readCSVUrl", this::readCsvUrl);
        routes.post(EMBEDDING + "/trigger2dEmbeddingsJob", this::trigger2d);
        routes.get(EMBEDDING + "/2d", this::list2d);
        routes.get(EMBEDDING + "/2d/{embedding2dId}", this::get2d);
    }

    private void writeCsvUrl(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx, Role.WRITE);
        String name = Params.required(ctx, "name");
        ctx.json(h.services.embeddings().writeCsvUrl(dataset, name, h.base(ctx)));
    }

    private void readCsvUrl(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        String id = ctx.pathParam("embeddingId");
        ctx.json(h.services.embeddings().readCsvUrl(dataset, id, h.base(ctx)));
    }

    private void trigger2d(Context ctx) {
        // A projection derived from the embedding (the page's map asks for it): readers may.
        DatasetRecord dataset = h.dataset(ctx, Role.READ);
        Trigger2dEmbeddingJobRequest request =
                JsonBody.read(ctx, Trigger2dEmbeddingJobRequest.class, h.maxJson());
        String id = ctx.pathParam("embeddingId");
        ctx.json(h.services.embeddings().trigger2d(Auth.user(ctx), dataset, id, request));
    }

    private void list2d(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        ctx.json(h.services.embeddings().list2d(dataset, ctx.pathParam("embeddingId")));
    }

    private void get2d(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        String id = ctx.pathParam("embeddingId");
        ctx.json(h.services.embeddings().get2d(dataset, id, ctx.pathParam("embedding2dId")));
    }
}
