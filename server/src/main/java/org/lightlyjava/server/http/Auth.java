package org.lightlyjava.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.lightlyjava.server.service.ApiProblem;
import org.lightlyjava.server.service.Tokens;
import org.lightlyjava.server.store.UserRecord;

/**
 * Authenticates every route by {@code ?token=}, except the version checks, the server info and the
 * blob route (whose URLs are signed). The answer to a missing or wrong token is the same: it never
 * tells whether a token exists.
 */
final class Auth implements Handler {

    private static final String USER = "lightly.user";

    private final Tokens tokens;

    Auth(Tokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void handle(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/v1/versions/")
                || path.equals("/v1/lightly-java/info")
                || path.startsWith("/v1/blobs/")) {
            return;
        }
        UserRecord user =
                tokens.authenticate(ctx.queryParam("token"))
                        .orElseThrow(
                                () ->
                                        ApiProblem.unauthorized(
                                                "a valid token is required (?token=...)"));
        ctx.attribute(USER, user);
    }

    /** The authenticated user of this request. */
    static UserRecord user(Context ctx) {
        UserRecord user = ctx.attribute(USER);
        if (user == null) {
            throw ApiProblem.unauthorized("a valid token is required (?token=...)");
        }
        return user;
    }
}
