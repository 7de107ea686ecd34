package org.lightlyjava.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.lightlyjava.api.model.DatasourceConfig;
import org.lightlyjava.api.model.DatasourceProcessedUntilTimestamp;
import org.lightlyjava.server.service.ApiProblem;
import org.lightlyjava.server.service.DatasourceService;
import org.lightlyjava.server.store.DatasetAccess.Role;
import org.lightlyjava.server.store.DatasetRecord;

/**
 * {@code /v1/datasets/{datasetId}/datasource...}: the dataset's datasource (Lightly's reference
 * §13). GET shows the secret as {@code ***}; a PUT without it (or with {@code ***}) keeps it.
 */
final class DatasourceRoutes {

    private static final String DATASOURCE = "/v1/datasets/{datasetId}/datasource";

    private final Handlers h;

    DatasourceRoutes(Handlers handlers) {
        this.h = handlers;
    }

    void register(RoutesConfig routes) {
        routes.put(DATASOURCE, this::put);
        routes.get(DATASOURCE, this::get);
        routes.get(DATASOURCE + "/all", this::all);
        routes.get(DATASOURCE + "/verify", this::verify);
        routes.get(DATASOURCE + "/list", this::list);
        routes.get(DATASOURCE + "/readurlRedirect", this::readUrlRedirect);
        routes.get(DATASOURCE + "/processedUntilTimestamp", this::processedUntil);
        routes.put(DATASOURCE + "/processedUntilTimestamp", this::setProcessedUntil);
    }

    private DatasourceService service() {
        return h.services.datasources();
    }

    private void put(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        JsonNode body = JsonBody.read(ctx, JsonNode.class, h.maxJson());
        if (!body.isObject()) {
            throw ApiProblem.malformed("the body must be a JSON object");
        }
        DatasourceConfig config = StrictJson.convert(body, DatasourceConfig.class);
        boolean thumbSuffixNull = body.has("thumbSuffix") && body.get("thumbSuffix").isNull();
        service().put(dataset, config, thumbSuffixNull);
        ctx.status(200);
    }

    private void get(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        ctx.json(service().get(dataset, ctx.queryParam("purpose")));
    }

    private void all(Context ctx) {
        ctx.json(service().all(h.dataset(ctx)));
    }

    private void verify(Context ctx) {
        // Writes, overwrites and deletes a probe in the bucket.
        DatasetRecord dataset = h.dataset(ctx, Role.WRITE);
        ctx.json(service().verify(dataset, ctx.queryParam("purpose")));
    }

    private void list(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        ctx.json(
                service()
                        .list(
                                dataset,
                                ctx.queryParam("purpose"),
                                Params.optionalLong(ctx, "from"),
                                Params.optionalLong(ctx, "to"),
                                emptyToNull(ctx.queryParam("cursor")),
                                Params.bool(ctx, "useRedirectedReadUrl", false),
                                h.base(ctx)));
    }

    private void readUrlRedirect(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        String path = Params.required(ctx, "path");
        String url = service().readUrl(dataset, ctx.queryParam("purpose"), path, h.base(ctx));
        ctx.redirect(url, HttpStatus.FOUND);
    }

    private void processedUntil(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        ctx.json(new DatasourceProcessedUntilTimestamp(service().processedUntil(dataset)));
    }

    private void setProcessedUntil(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        JsonNode body = JsonBody.read(ctx, JsonNode.class, h.maxJson());
        JsonNode value = body.get("processedUntilTimestamp");
        if (value == null || !value.canConvertToLong()) {
            throw ApiProblem.badRequest("processedUntilTimestamp must be a whole number (Unix s)");
        }
        service().setProcessedUntil(dataset, value.asLong());
        ctx.status(200);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
