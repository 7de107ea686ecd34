package org.lightlyjava.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.eclipse.jetty.io.EofException;
import org.lightlyjava.api.model.ApiError;
import org.lightlyjava.server.datasource.DatasourceException;
import org.lightlyjava.server.service.ApiProblem;
import org.lightlyjava.server.service.DatasourceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every failure answers Lightly's error body {@code {"code", "message"}}. */
final class Errors {

    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    private Errors() {}

    static void register(RoutesConfig routes) {
        routes.exception(
                ApiProblem.class, (e, ctx) -> answer(ctx, e.status(), e.code(), e.getMessage()));
        routes.exception(DatasourceException.class, Errors::datasource);
        routes.exception(HttpResponseException.class, Errors::javalin);
        routes.exception(
                EofException.class, (e, ctx) -> LOG.debug("client went away: {}", e.toString()));
        routes.exception(Exception.class, Errors::unexpected);
    }

    private static void javalin(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        String code =
                switch (status) {
                    case 400 -> "BAD_REQUEST";
                    case 401 -> "UNAUTHORIZED";
                    case 403 -> "FORBIDDEN";
                    case 404 -> "NOT_FOUND";
                    case 405 -> "METHOD_NOT_ALLOWED";
                    case 413 -> "PAYLOAD_TOO_LARGE";
                    default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
                };
        String message =
                status == 404
                        ? "no such route: " + ctx.method() + " " + ctx.path()
                        : e.getMessage();
        answer(ctx, status, code, message);
    }

    private static void datasource(DatasourceException e, Context ctx) {
        ApiProblem problem = DatasourceService.problem(e);
        answer(ctx, problem.status(), problem.code(), problem.getMessage());
    }

    private static void unexpected(Exception e, Context ctx) {
        if (databaseUnreachable(e)) {
            LOG.warn(
                    "{} {}: the database is unreachable: {}",
                    ctx.method(),
                    ctx.path(),
                    e.toString());
            ctx.header("Retry-After", "5");
            answer(
                    ctx,
                    503,
                    "DATABASE_UNAVAILABLE",
                    "the server's database is unreachable; try again shortly");
            return;
        }
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        answer(ctx, 500, "INTERNAL_ERROR", "the server failed on this request; see its log");
    }

    /**
     * Whether a failure comes from a database that cannot be reached: no connection within the
     * pool's timeout, or SQLSTATE class 08 (connection exception) or 57P0x (the server shut down).
     */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P0")) {
                    return true;
                }
            }
        }
        return false;
    }

    static void answer(Context ctx, int status, String code, String message) {
        ctx.status(status).json(new ApiError(code, message));
    }
}
