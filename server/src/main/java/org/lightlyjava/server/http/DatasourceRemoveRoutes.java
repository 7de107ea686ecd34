package org.lightlyjava.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.lightlyjava.server.store.DatasetRecord;

/**
 * lightly-java's {@code DELETE /v1/datasets/{datasetId}/datasource?purpose=} (Lightly's API has no
 * such route): removes the dataset's datasource of a purpose, {@code INPUT_OUTPUT} when none is
 * named. The dataset keeps everything else; its samples show what the server holds itself.
 */
final class DatasourceRemoveRoutes {

    private final Handlers h;

    DatasourceRemoveRoutes(Handlers handlers) {
        this.h = handlers;
    }

    void register(RoutesConfig routes) {
        routes.delete("/v1/datasets/{datasetId}/datasource", this::remove);
    }

    private void remove(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        h.services.datasources().remove(dataset, ctx.queryParam("purpose"));
        ctx.status(200);
    }
}
