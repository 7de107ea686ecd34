package org.lightlyjava.server.http;

import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.lightlyjava.server.service.Services;
import org.lightlyjava.server.store.DatasetRecord;

/** What the route classes share: the services, the caller's dataset and the public base URL. */
final class Handlers {

    private static final Pattern HOST =
            Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9a-fA-F:.]+\\](:\\d{1,5})?");

    final Services services;
    private final String publicUrl;

    Handlers(Services services, String publicUrl) {
        this.services = services;
        this.publicUrl = publicUrl;
    }

    /** The {@code datasetId} path parameter's dataset, if it is the caller's. */
    DatasetRecord dataset(Context ctx) {
        return services.datasets().owned(Auth.user(ctx), ctx.pathParam("datasetId"));
    }

    long maxJson() {
        return services.limits().maxJsonBytes();
    }

    /**
     * The server's URL as this client reaches it: the configured public URL, else the request's
     * scheme and {@code Host} header (when it looks like a host), else the local address.
     */
    String base(Context ctx) {
        if (publicUrl != null) {
            return publicUrl;
        }
        String host = ctx.header("Host");
        if (host == null || !HOST.matcher(host).matches()) {
            host = ctx.req().getLocalAddr() + ":" + ctx.req().getLocalPort();
        }
        return ctx.scheme() + "://" + host;
    }
}
