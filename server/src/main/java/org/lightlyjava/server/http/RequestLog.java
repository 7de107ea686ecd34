package org.lightlyjava.server.http;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: method, path, status, time. Never the query string: it carries tokens and
 * URL signatures.
 */
final class RequestLog {

    private static final Logger LOG = LoggerFactory.getLogger("org.lightlyjava.server.access");

    private RequestLog() {}

    static void log(Context ctx, Float ms) {
        int status = ctx.statusCode();
        if (status >= 400 && status < 500 && LOG.isInfoEnabled()) {
            LOG.info("{} {} {} {} ms", ctx.method(), ctx.path(), status, Math.round(ms));
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} {} {} ms", ctx.method(), ctx.path(), status, Math.round(ms));
        }
    }
}
