package org.lightlyjava.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.lightlyjava.server.service.ApiProblem;
import org.lightlyjava.server.service.Sessions;

/**
 * {@code /v1/lightly-java/session}: the web page signs in with a token ({@code POST {"token"}}),
 * which sets the session cookie (HttpOnly, {@code SameSite=Strict}, {@code Path=/}, {@code Secure}
 * when the server is reached over https); {@code GET} says who is signed in; {@code DELETE} signs
 * out. The token is read from the body only, so it never appears in a URL or log.
 */
final class SessionRoutes {

    static final String PATH = "/v1/lightly-java/session";
    static final String COOKIE = "lightly_session";

    private final Sessions sessions;
    private final Handlers h;

    SessionRoutes(Sessions sessions, Handlers handlers) {
        this.sessions = sessions;
        this.h = handlers;
    }

    void register(RoutesConfig routes) {
        routes.post(PATH, this::signIn);
        routes.get(PATH, ctx -> ctx.json(Map.of("user", Auth.user(ctx).name())));
        routes.delete(PATH, this::signOut);
    }

    private void signIn(Context ctx) {
        Auth.requireSameOrigin(ctx);
        JsonNode body = JsonBody.read(ctx, JsonNode.class, h.maxJson());
        JsonNode token = body.get("token");
        Sessions.Session session =
                sessions.open(token != null && token.isTextual() ? token.asText().trim() : null)
                        .orElseThrow(() -> ApiProblem.unauthorized("this token is not valid"));
        setCookie(ctx, session.value(), session.maxAgeSeconds());
        ctx.json(Map.of("user", session.userName()));
    }

    private void signOut(Context ctx) {
        Auth.requireSameOrigin(ctx);
        sessions.end(ctx.cookie(COOKIE));
        setCookie(ctx, "", 0);
        ctx.status(200);
    }

    private void setCookie(Context ctx, String value, long maxAge) {
        String secure = h.base(ctx).startsWith("https:") ? "; Secure" : "";
        ctx.header(
                "Set-Cookie",
                COOKIE
                        + "="
                        + value
                        + "; Path=/; Max-Age="
                        + maxAge
                        + "; HttpOnly; SameSite=Strict"
                        + secure);
        ctx.header("Cache-Control", "no-store");
    }
}
