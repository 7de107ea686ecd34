package org.lightlyjava.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.S3Server;
import org.lightlyjava.server.testing.S3TestBase;
import org.slf4j.LoggerFactory;

/** No log line, at any level of any logger, carries a datasource secret. */
class DatasourceSecretLogTest extends S3TestBase {

    private static final String WRONG = "wrong-secret-that-must-not-leak-42";

    @Test
    void everyLoggerAtTrace_noLineContainsTheSecret() {
        String bucket = newBucket();
        s3.put(bucket, "p/a.jpg", new byte[] {1, 2});
        String ds = newDataset();
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
        console.forEach(root::detachAppender); // the capture only, not a console full of TRACE
        root.addAppender(captured);
        try {
            exercise(ds, bucket);
        } finally {
            root.detachAppender(captured);
            console.forEach(root::addAppender);
            levels.forEach(Logger::setLevel);
        }
        assertThat(captured.list)
                .as("the capture saw the S3 traffic, its wire log and our own lines")
                .anyMatch(e -> e.getLoggerName().startsWith("software.amazon.awssdk"))
                .anyMatch(e -> e.getLoggerName().startsWith("org.apache.http.wire"))
                .anyMatch(e -> e.getLoggerName().startsWith("org.lightlyjava.server.service"));
        for (ILoggingEvent event : captured.list) {
            String text = event.getFormattedMessage() + " " + throwable(event.getThrowableProxy());
            assertThat(text)
                    .as(event.getLoggerName())
                    .doesNotContain(S3Server.SECRET_KEY)
                    .doesNotContain(WRONG);
        }
    }

    private void exercise(String ds, String bucket) {
        String base = "/v1/datasets/" + ds + "/datasource";
        setDatasource(alice, ds, s3Config("s3://" + bucket + "/p/"));
        assertThat(alice.get(base).status()).isEqualTo(200);
        assertThat(alice.get(base + "/verify").json().get("canRead").asBoolean()).isTrue();
        assertThat(alice.get(base + "/list").status()).isEqualTo(200);

        Map<String, Object> invalid = s3Config("s3://" + bucket + "/p/");
        invalid.put("s3Region", "not a region!");
        assertThat(alice.put(base, invalid).status()).isEqualTo(400);
        Response malformed =
                alice.put(
                        base,
                        "{\"type\":\"S3\",\"s3SecretAccessKey\":\"" + S3Server.SECRET_KEY + "\",");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain(S3Server.SECRET_KEY);

        Map<String, Object> wrong = s3Config("s3://" + bucket + "/p/");
        wrong.put("s3SecretAccessKey", WRONG);
        setDatasource(alice, ds, wrong);
        Response red = alice.get(base + "/verify");
        assertThat(red.json().get("canList").asBoolean()).isFalse();
        assertThat(red.body()).doesNotContain(WRONG);
        assertThat(alice.get(base + "/list").status()).isEqualTo(400);
    }

    private static String throwable(IThrowableProxy proxy) {
        StringBuilder out = new StringBuilder();
        for (IThrowableProxy t = proxy; t != null; t = t.getCause()) {
            out.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
        }
        return out.toString();
    }
}
