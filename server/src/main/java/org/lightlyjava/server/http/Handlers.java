package org.lightlyjava.server.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.lightlyjava.server.service.Services;
import org.lightlyjava.server.store.DatasetAccess;
import org.lightlyjava.server.store.DatasetAccess.Role;
import org.lightlyjava.server.store.DatasetRecord;

/** What the route classes share: the services, the caller's dataset and the public base URL. */
final class Handlers {

    final Services services;
    private final PublicUrls publicUrls;

    Handlers(Services services, PublicUrls publicUrls) {
        this.services = services;
        this.publicUrls = publicUrls;
    }

    /**
     * The {@code datasetId} path parameter's dataset, if the caller may use it as this request
     * does: {@code GET} and {@code HEAD} read, every other method writes. The one check every
     * dataset route goes through; routes that differ name the role with {@link #dataset(Context,
     * Role)}.
     *
     * @throws org.lightlyjava.server.service.ApiProblem 404 when the caller cannot reach the
     *     dataset, 403 when their role is too small
     */
    DatasetRecord dataset(Context ctx) {
        return dataset(ctx, needed(ctx));
    }

    /** The dataset, if the caller's role allows {@code needed}. */
    DatasetRecord dataset(Context ctx, Role needed) {
        return access(ctx, needed).dataset();
    }

    /** The dataset with the caller's role on it, if that allows {@code needed}. */
    DatasetAccess access(Context ctx, Role needed) {
        return services.datasets().access(Auth.user(ctx), ctx.pathParam("datasetId"), needed);
    }

    private static Role needed(Context ctx) {
        HandlerType method = ctx.method();
        return method.equals(HandlerType.GET) || method.equals(HandlerType.HEAD)
                ? Role.READ
                : Role.WRITE;
    }

    long maxJson() {
        return services.limits().maxJsonBytes();
    }

    /** The server's URL as this client reaches it: see {@link PublicUrls}. */
    String base(Context ctx) {
        return publicUrls.base(ctx);
    }
}
