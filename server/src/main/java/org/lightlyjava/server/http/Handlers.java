package org.lightlyjava.server.http;

import io.javalin.http.Context;
import org.lightlyjava.server.service.Services;
import org.lightlyjava.server.store.DatasetRecord;

/** What the route classes share: the services, the caller's dataset and the public base URL. */
final class Handlers {

    final Services services;
    private final PublicUrls publicUrls;

    Handlers(Services services, PublicUrls publicUrls) {
        this.services = services;
        this.publicUrls = publicUrls;
    }

    /** The {@code datasetId} path parameter's dataset, if it is the caller's. */
    DatasetRecord dataset(Context ctx) {
        return services.datasets().owned(Auth.user(ctx), ctx.pathParam("datasetId"));
    }

    long maxJson() {
        return services.limits().maxJsonBytes();
    }

    /** The server's URL as this client reaches it: see {@link PublicUrls}. */
    String base(Context ctx) {
        return publicUrls.base(ctx);
    }
}
