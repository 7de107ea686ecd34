package org.lightlyjava.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.lightlyjava.api.model.DuplicatesRequest;
import org.lightlyjava.api.model.SamplingCreateRequest;
import org.lightlyjava.server.store.DatasetRecord;

/**
 * {@code POST .../embeddings/{embeddingId}/sampling} (Lightly's selection) and lightly-java's
 * {@code .../embeddings/{embeddingId}/duplicates}; both answer {@code {"jobId"}}.
 */
final class SelectionRoutes {

    private static final String EMBEDDING = "/v1/datasets/{datasetId}/embeddings/{embeddingId}";

    private final Handlers h;

    SelectionRoutes(Handlers handlers) {
        this.h = handlers;
    }

    void register(RoutesConfig routes) {
        routes.post(EMBEDDING + "/sampling", this::sample);
        routes.post(EMBEDDING + "/duplicates", this::duplicates);
        routes.get(EMBEDDING + "/duplicates/{jobId}", this::duplicatesResult);
    }

    private void sample(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        SamplingCreateRequest request =
                JsonBody.read(ctx, SamplingCreateRequest.class, h.maxJson());
        String embeddingId = ctx.pathParam("embeddingId");
        ctx.json(h.services.selection().sample(Auth.user(ctx), dataset, embeddingId, request));
    }

    private void duplicates(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        DuplicatesRequest request = JsonBody.read(ctx, DuplicatesRequest.class, h.maxJson());
        String embeddingId = ctx.pathParam("embeddingId");
        ctx.json(h.services.selection().duplicates(Auth.user(ctx), dataset, embeddingId, request));
    }

    private void duplicatesResult(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        String embeddingId = ctx.pathParam("embeddingId");
        String jobId = ctx.pathParam("jobId");
        ctx.json(
                h.services
                        .selection()
                        .duplicatesResult(Auth.user(ctx), dataset, embeddingId, jobId));
    }
}
