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
import org.lightlyjava.server.testing.ServerTestBase;
import org.slf4j.LoggerFactory;

/** With every logger at TRACE, Jetty's and Javalin's included, no secret reaches a log line. */
class SecretLogTest extends ServerTestBase {

    @Test
    void jettyAndJavalinAtTrace_logNoTokenCookieOrSignature() {
        String ds = newDataset();
        String sample = Fixtures.samples(alice, ds, 1).get(0);
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
        List<Appender<ILoggingEvent>> console = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(console::add);
        console.forEach(root::detachAppender);
        root.addAppender(captured);
        String cookie;
        String write;
        try {
            String signIn = "{\"token\":\"" + alice.token() + "\"}";
            String header =
                    Api.request("POST", alice.base() + "/v1/lightly-java/session", signIn)
                            .headers()
                            .firstValue("Set-Cookie")
                            .orElseThrow();
            cookie = header.substring(header.indexOf('=') + 1, header.indexOf(';'));
            Api.request(
                    "GET",
                    alice.base() + "/v1/datasets",
                    null,
                    "Cookie",
                    "lightly_session=" + cookie);
            write =
                    alice.get(
                                    "/v1/datasets/"
                                            + ds
                                            + "/samples/"
                                            + sample
                                            + "/writeurl?isThumbnail=false")
                            .string();
            Api.putUrl(write, new byte[] {1, 2, 3});
            alice.get("/v1/datasets/" + "0".repeat(24));
        } finally {
            root.detachAppender(captured);
            console.forEach(root::addAppender);
            levels.forEach(Logger::setLevel);
        }
        String signature = write.substring(write.indexOf("signature=") + "signature=".length());
        assertThat(captured.list)
                .as("Jetty logged at DEBUG")
                .anyMatch(e -> e.getLoggerName().startsWith("org.eclipse.jetty"));
        assertThat(captured.list)
                .as("a request line was logged, masked")
                .anyMatch(e -> e.getFormattedMessage().contains("token=***"));
        List<String> pieces = new ArrayList<>();
        String mac = cookie.substring(cookie.lastIndexOf('.') + 1); // the rest are ids
        assertThat(captured.list).noneMatch(e -> e.getFormattedMessage().contains(cookie));
        for (String secret : List.of(alice.token(), mac, signature)) {
            for (int i = 0; i + 12 <= secret.length(); i++) {
                pieces.add(secret.substring(i, i + 12));
            }
        }
        for (ILoggingEvent event : captured.list) {
            String line = event.getFormattedMessage();
            for (String piece : pieces) {
                assertThat(line).as(event.getLoggerName()).doesNotContain(piece);
            }
        }
    }

    @Test
    void theFilter_escapesFileNamesInArguments_soTheyCannotForgeALine() {
        newDataset(); // the server is up, so its filter is installed into Logback
        List<ILoggingEvent> captured =
                logged(
                        "org.lightlyjava.pipeline.Inputs",
                        logger ->
                                logger.warn(
                                        "skipped {}: {}",
                                        "class_0/bad\n12:00:00 ERROR forged.jpg",
                                        "broken"));
        assertThat(captured).hasSize(1);
        assertThat(captured.get(0).getFormattedMessage())
                .isEqualTo("skipped class_0/bad\\n12:00:00 ERROR forged.jpg: broken");
    }

    @Test
    void anExceptionWhoseMessageHoldsAToken_isLoggedWithTheTokenMasked() {
        newDataset(); // the server is up, so its filter is installed into Logback
        String token = "f".repeat(64);
        List<ILoggingEvent> captured =
                logged(
                        "org.lightlyjava.server.http.Errors",
                        logger ->
                                logger.warn(
                                        "request failed",
                                        new IllegalStateException(
                                                "wrapped",
                                                new java.io.IOException(
                                                        "GET /v1/datasets?token="
                                                                + token
                                                                + " failed"))));
        assertThat(captured).hasSize(1);
        String trace =
                new ch.qos.logback.classic.pattern.ThrowableProxyConverter()
                        .convert(captured.get(0));
        assertThat(trace)
                .doesNotContain(token)
                .contains("token=***")
                .contains("java.io.IOException");
    }

    @Test
    void azureSasSignatures_andCloudSecretsInJson_areMasked() {
        newDataset(); // the server is up, so its filter is installed into Logback
        List<ILoggingEvent> captured =
                logged(
                        "com.azure.storage.blob",
                        logger ->
                                logger.warn(
                                        "PUT https://a.blob.core.windows.net/c/x.jpg?sv=2025-01-05&sp=rl&sig=SECRET1%2Bx {}",
                                        "{\"accountKey\": \"SECRET2\", \"gcsCredentials\":"
                                                + " \"SECRET3\"}"));
        assertThat(captured).hasSize(1);
        assertThat(captured.get(0).getFormattedMessage())
                .doesNotContain("SECRET")
                .contains("sig=***")
                .contains("sp=rl");
    }

    /**
     * The events {@code logging} sends to the logger {@code name}, through the installed filter.
     */
    private static List<ILoggingEvent> logged(
            String name, java.util.function.Consumer<Logger> logging) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(context);
        captured.start();
        Logger logger = context.getLogger(name);
        logger.addAppender(captured);
        try {
            logging.accept(logger);
        } finally {
            logger.detachAppender(captured);
        }
        return captured.list;
    }
}
