package org.lightlyjava.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.lightlyjava.api.model.ConfigurationSetRequest;
import org.lightlyjava.api.model.CreateEntityResponse;
import org.lightlyjava.server.store.DatasetRecord;

/**
 * Lightly's custom metadata configurations, {@code
 * /v1/datasets/{datasetId}/configuration/metadata}: {@code POST} a {@code ConfigurationSetRequest}
 * (answers {@code {"id"}}), {@code GET} the list of {@code ConfigurationData}, {@code GET}/{@code
 * PUT .../{configurationId}} one of them.
 */
final class MetaDataConfigRoutes {

    private static final String PATH = "/v1/datasets/{datasetId}/configuration/metadata";

    private final Handlers h;

    MetaDataConfigRoutes(Handlers handlers) {
        this.h = handlers;
    }

    void register(RoutesConfig routes) {
        routes.post(PATH, this::create);
        routes.get(PATH, ctx -> ctx.json(h.services.metaDataConfigs().list(h.dataset(ctx))));
        routes.get(PATH + "/{configurationId}", this::get);
        routes.put(PATH + "/{configurationId}", this::update);
    }

    private void create(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        ConfigurationSetRequest request =
                JsonBody.read(ctx, ConfigurationSetRequest.class, h.maxJson());
        ctx.json(new CreateEntityResponse(h.services.metaDataConfigs().create(dataset, request)));
    }

    private void get(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        ctx.json(h.services.metaDataConfigs().get(dataset, ctx.pathParam("configurationId")));
    }

    private void update(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        ConfigurationSetRequest request =
                JsonBody.read(ctx, ConfigurationSetRequest.class, h.maxJson());
        h.services.metaDataConfigs().update(dataset, ctx.pathParam("configurationId"), request);
        ctx.status(200);
    }
}
