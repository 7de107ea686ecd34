package org.lightlyjava.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.lightlyjava.api.model.CreateEntityResponse;
import org.lightlyjava.api.model.SharedAccessConfigCreateRequest;
import org.lightlyjava.server.store.DatasetAccess.Role;
import org.lightlyjava.server.store.DatasetRecord;

/** {@code /v1/datasets/{datasetId}/collaboration/access}: sharing a dataset; its owner only. */
final class CollaborationRoutes {

    private static final String ACCESS = "/v1/datasets/{datasetId}/collaboration/access";

    private final Handlers h;

    CollaborationRoutes(Handlers handlers) {
        this.h = handlers;
    }

    void register(RoutesConfig routes) {
        routes.post(ACCESS, this::share);
        routes.get(ACCESS, this::list);
        routes.delete(ACCESS + "/{accessConfigId}", this::revoke);
    }

    private void share(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx, Role.OWNER);
        SharedAccessConfigCreateRequest request =
                JsonBody.read(ctx, SharedAccessConfigCreateRequest.class, h.maxJson());
        String id = h.services.collaboration().share(Auth.user(ctx), dataset, request);
        ctx.json(new CreateEntityResponse(id));
    }

    private void list(Context ctx) {
        ctx.json(h.services.collaboration().list(h.dataset(ctx, Role.OWNER)));
    }

    private void revoke(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx, Role.OWNER);
        h.services.collaboration().revoke(dataset, ctx.pathParam("accessConfigId"));
        ctx.status(200);
    }
}
