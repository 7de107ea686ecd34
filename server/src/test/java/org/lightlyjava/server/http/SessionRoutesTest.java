package org.lightlyjava.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;
import org.slf4j.LoggerFactory;

/** The web page's session: a cookie instead of {@code ?token=}, never the token itself. */
class SessionRoutesTest extends ServerTestBase {

    private static final String SESSION = "/v1/lightly-java/session";

    private Response signIn(String token, String... headers) {
        return Api.request(
                "POST", alice.base() + SESSION, "{\"token\":\"" + token + "\"}", headers);
    }

    /** The session cookie's {@code name=value} from a sign-in. */
    private String cookie(Response signIn) {
        String header = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        return header.substring(0, header.indexOf(';'));
    }

    private Response withCookie(String method, String path, String cookie, String... more) {
        String[] headers = new String[more.length + 2];
        headers[0] = "Cookie";
        headers[1] = cookie;
        System.arraycopy(more, 0, headers, 2, more.length);
        return Api.request(
                method, alice.base() + path, method.equals("GET") ? null : "{}", headers);
    }

    @Test
    void signIn_setsAStrictHttpOnlyCookieThatHoldsNoToken() {
        Response r = signIn(alice.token());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("user").asText()).isEqualTo("alice");
        String header = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(header)
                .startsWith("lightly_session=")
                .contains("; Path=/", "; HttpOnly", "; SameSite=Strict", "; Max-Age=43200")
                .doesNotContain("Secure")
                .doesNotContain(alice.token());
        assertThat(r.body()).doesNotContain(alice.token());
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void theCookie_authenticatesTheApiAndTheImageRedirects() {
        String ds = newDataset();
        String sample = Fixtures.samples(alice, ds, 1).get(0);
        String cookie = cookie(signIn(alice.token()));
        assertThat(withCookie("GET", SESSION, cookie).json().get("user").asText())
                .isEqualTo("alice");
        Response list = withCookie("GET", "/v1/datasets", cookie);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(ds);
        Response tags = withCookie("POST", "/v1/datasets/" + ds + "/tags/initial", cookie);
        assertThat(tags.status()).as("authenticated, refused for its empty body").isEqualTo(400);
        Response image =
                withCookie(
                        "GET",
                        "/v1/datasets/" + ds + "/samples/" + sample + "/readurlRedirect?type=full",
                        cookie);
        assertThat(image.status()).as("no image uploaded: 404, but authenticated").isEqualTo(404);
        assertThat(image.code()).isEqualTo("NOT_FOUND");
        assertThat(withCookie("GET", "/v1/datasets", cookie.replace("=", "=x")).status())
                .isEqualTo(401);
    }

    @Test
    void wrongTokens_openNoSession() {
        for (String token : List.of("f".repeat(64), "", "\\\"")) {
            Response r = signIn(token);
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        }
        Response notJson = Api.request("POST", alice.base() + SESSION, "{\"token\": 5}");
        assertThat(notJson.status()).isEqualTo(401);
        assertThat(Api.request("GET", alice.base() + SESSION, null).status()).isEqualTo(401);
    }

    @Test
    void aTokenParameter_isCheckedFirst() {
        String cookie = cookie(signIn(alice.token()));
        assertThat(withCookie("GET", "/v1/datasets?token=" + "f".repeat(64), cookie).status())
                .isEqualTo(401);
        assertThat(withCookie("GET", "/v1/datasets?token=" + bob.token(), cookie).body())
                .isEqualTo("[]");
    }

    @Test
    void anotherSite_cannotUseTheSession() {
        String cookie = cookie(signIn(alice.token()));
        String host = alice.base().substring("http://".length());
        Response foreign =
                withCookie("POST", "/v1/datasets", cookie, "Origin", "http://evil.example");
        assertThat(foreign.status()).isEqualTo(403);
        Response own =
                Api.request(
                        "POST",
                        alice.base() + "/v1/datasets",
                        "{\"name\":\"from the page\"}",
                        "Cookie",
                        cookie,
                        "Origin",
                        "http://" + host);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(signIn(alice.token(), "Origin", "http://evil.example").status()).isEqualTo(403);
    }

    @Test
    void signOut_endsTheSessionOnTheServer_soACopiedCookieIsRefused() {
        String copied = cookie(signIn(alice.token()));
        String other = cookie(signIn(alice.token()));
        assertThat(withCookie("GET", "/v1/datasets", copied).status()).isEqualTo(200);
        Response out = Api.request("DELETE", alice.base() + SESSION, null, "Cookie", copied);
        assertThat(out.status()).isEqualTo(200);
        assertThat(withCookie("GET", "/v1/datasets", copied).status()).isEqualTo(401);
        assertThat(withCookie("GET", SESSION, copied).status()).isEqualTo(401);
        assertThat(withCookie("GET", "/v1/datasets", other).status())
                .as("another session of the same token goes on")
                .isEqualTo(200);
        assertThat(alice.get("/v1/datasets").status()).isEqualTo(200);
    }

    @Test
    void signOut_clearsTheCookie() {
        Response r = Api.request("DELETE", alice.base() + SESSION, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().firstValue("Set-Cookie").orElseThrow())
                .startsWith("lightly_session=;")
                .contains("Max-Age=0");
    }

    @Test
    void everyLoggerButJettyAtTrace_noLineCarriesTheTokenOrTheCookie() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(context);
        captured.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Map<Logger, Level> levels = new HashMap<>();
        for (Logger logger : context.getLoggerList()) {
            levels.put(logger, logger.getLevel());
            logger.setLevel(logger == root ? Level.TRACE : null);
        }
        // Jetty's own DEBUG lines print raw headers and query strings: conf/logback.xml keeps it
        // at WARN, as here.
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        List<Appender<ILoggingEvent>> console = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(console::add);
        console.forEach(root::detachAppender);
        root.addAppender(captured);
        String cookie;
        try {
            cookie = cookie(signIn(alice.token()));
            withCookie("GET", "/v1/datasets", cookie);
            withCookie("GET", "/v1/datasets/" + "0".repeat(24), cookie);
            signIn("wrong-" + alice.token());
            alice.get("/v1/datasets");
        } finally {
            root.detachAppender(captured);
            console.forEach(root::addAppender);
            levels.forEach(Logger::setLevel);
        }
        String value = cookie.substring(cookie.indexOf('=') + 1);
        assertThat(captured.list)
                .as("the access log saw the requests")
                .anyMatch(e -> e.getLoggerName().equals("org.lightlyjava.server.access"));
        for (ILoggingEvent event : captured.list) {
            assertThat(event.getFormattedMessage())
                    .as(event.getLoggerName())
                    .doesNotContain(alice.token())
                    .doesNotContain(value);
        }
    }
}
