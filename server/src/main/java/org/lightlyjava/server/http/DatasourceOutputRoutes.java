package org.lightlyjava.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.lightlyjava.server.service.DatasourceOutputs;
import org.lightlyjava.server.service.DatasourceOutputs.Folder;
import org.lightlyjava.server.store.DatasetAccess.Role;
import org.lightlyjava.server.store.DatasetRecord;

/**
 * Lightly's routes to the {@code .lightly/} files of a datasource (its {@code DatasourcesApi}):
 * {@code GET .../datasource/metadata/file}, {@code .../predictions/file}, {@code
 * .../predictions/writeUrl} and {@code .../embeddings/file} ({@code ?fileName=}) answer a URL as a
 * JSON string; {@code .../metadata/list} and {@code .../predictions/list?taskName=} page like
 * {@code .../datasource/list}.
 */
final class DatasourceOutputRoutes {

    private static final String DATASOURCE = "/v1/datasets/{datasetId}/datasource";

    private final Handlers h;

    DatasourceOutputRoutes(Handlers handlers) {
        this.h = handlers;
    }

    void register(RoutesConfig routes) {
        routes.get(DATASOURCE + "/metadata/file", ctx -> read(ctx, Folder.METADATA));
        routes.get(DATASOURCE + "/predictions/file", ctx -> read(ctx, Folder.PREDICTIONS));
        routes.get(DATASOURCE + "/embeddings/file", ctx -> read(ctx, Folder.EMBEDDINGS));
        routes.get(DATASOURCE + "/predictions/writeUrl", this::writePrediction);
        routes.get(DATASOURCE + "/metadata/list", ctx -> list(ctx, Folder.METADATA));
        routes.get(DATASOURCE + "/predictions/list", ctx -> list(ctx, Folder.PREDICTIONS));
    }

    private DatasourceOutputs outputs() {
        return h.services.datasourceOutputs();
    }

    private void read(Context ctx, Folder folder) {
        DatasetRecord dataset = h.dataset(ctx);
        ctx.json(outputs().readUrl(dataset, folder, ctx.queryParam("fileName"), h.base(ctx)));
    }

    private void writePrediction(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx, Role.WRITE);
        ctx.json(
                outputs()
                        .writeUrl(
                                dataset,
                                Folder.PREDICTIONS,
                                ctx.queryParam("fileName"),
                                h.base(ctx)));
    }

    /** A prediction listing is of one task's folder ({@code taskName}). */
    private void list(Context ctx, Folder folder) {
        DatasetRecord dataset = h.dataset(ctx);
        String sub =
                folder == Folder.PREDICTIONS
                        ? DatasourceOutputs.taskFolder(ctx.queryParam("taskName"))
                        : "";
        String cursor = ctx.queryParam("cursor");
        ctx.json(
                outputs()
                        .list(
                                dataset,
                                folder,
                                sub,
                                Params.optionalLong(ctx, "from"),
                                Params.optionalLong(ctx, "to"),
                                cursor == null || cursor.isEmpty() ? null : cursor,
                                Params.bool(ctx, "useRedirectedReadUrl", false),
                                h.base(ctx)));
    }
}
