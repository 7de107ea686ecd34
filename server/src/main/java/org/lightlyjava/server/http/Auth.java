package org.lightlyjava.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.lightlyjava.server.service.ApiProblem;
import org.lightlyjava.server.service.Sessions;
import org.lightlyjava.server.service.Tokens;
import org.lightlyjava.server.store.UserRecord;

/**
 * Authenticates every route by {@code ?token=}, or else by the web page's session cookie ({@link
 * SessionRoutes}), except the version checks, the server info, the blob route (whose URLs are
 * signed), the web page's files and signing in and out. The answer to a missing or wrong token is
 * the same: it never tells whether a token exists. A request that changes something on the strength
 * of the cookie must name the server's own origin ({@code Origin}) or, without one, send a JSON
 * body ({@code Content-Type: application/json}, which no cross-site form can send without the
 * browser asking first): the cookie is {@code SameSite=Strict} already; this holds for browsers
 * that ignore that.
 */
final class Auth implements Handler {

    private static final String USER = "lightly.user";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final Tokens tokens;
    private final Sessions sessions;

    Auth(Tokens tokens, Sessions sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @Override
    public void handle(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/v1/versions/")
                || path.equals("/v1/lightly-java/info")
                || path.startsWith("/v1/blobs/")
                || WebRoutes.serves(path)
                || (path.equals(SessionRoutes.PATH) && !ctx.method().name().equals("GET"))) {
            return;
        }
        String token = ctx.queryParam("token");
        Optional<UserRecord> user;
        if (token != null) {
            user = tokens.authenticate(token);
        } else {
            user = sessions.user(ctx.cookie(SessionRoutes.COOKIE));
            if (user.isPresent() && !SAFE.contains(ctx.method().name())) {
                requireSameOriginOrJson(ctx);
            }
        }
        ctx.attribute(
                USER,
                user.orElseThrow(
                        () -> ApiProblem.unauthorized("a valid token is required (?token=...)")));
    }

    /** The {@code Origin} names this server's host, or there is none and the body is JSON. */
    static void requireSameOriginOrJson(Context ctx) {
        if (ctx.header("Origin") != null) {
            requireSameOrigin(ctx);
            return;
        }
        String type = ctx.header("Content-Type");
        String media = type == null ? "" : type.split(";", 2)[0].trim();
        if (!media.equalsIgnoreCase("application/json")) {
            throw ApiProblem.forbidden(
                    "a change made with the session cookie needs Content-Type: application/json"
                            + " or this server's Origin");
        }
    }

    /** An {@code Origin} header, when sent, names this server's host. */
    static void requireSameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        String host = ctx.header("Host");
        String originHost;
        try {
            originHost = URI.create(origin).getRawAuthority();
        } catch (IllegalArgumentException e) {
            originHost = null;
        }
        if (host == null || !host.equalsIgnoreCase(originHost)) {
            throw ApiProblem.forbidden("requests from another site may not use the session");
        }
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
