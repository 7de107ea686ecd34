package org.lightlyjava.run;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LoggingTest {

    private static final String TOKEN = "TOPSECRET-42";

    private final StringWriter err = new StringWriter();

    private LogSession start(Verbosity verbosity) {
        return Logging.start(new PrintWriter(err), verbosity);
    }

    @Test
    void session_masksTokenOnStderrAndInLogFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("train.log");
        try (LogSession logs = start(Verbosity.NORMAL)) {
            logs.mask(TOKEN);
            logs.addFile(file);
            Logger log = LoggerFactory.getLogger("org.lightlyjava.test");
            log.info("using token {}", TOKEN);
            log.info("GET https://api.example/v1/datasets?token=abc999&x=1");
            log.warn("request failed", new IllegalStateException("bad token " + TOKEN));
        }

        for (String text : List.of(err.toString(), Files.readString(file))) {
            assertThat(text)
                    .doesNotContain(TOKEN)
                    .doesNotContain("abc999")
                    .contains("using token ***")
                    .contains("datasets?token=***&x=1")
                    .contains("IllegalStateException: bad token ***");
        }
        assertThat(Files.readString(file)).contains("][org.lightlyjava.test][INFO] - using token");
    }

    @Test
    void session_quiet_showsOnlyWarnings() {
        try (LogSession logs = start(Verbosity.QUIET)) {
            Logger log = LoggerFactory.getLogger("org.lightlyjava.test");
            log.info("hidden info");
            log.warn("shown warning");
        }

        assertThat(err.toString()).contains("shown warning").doesNotContain("hidden info");
    }

    @Test
    void session_normal_holdsDjlAtWarnAndCudaUtilsAtError() {
        try (LogSession logs = start(Verbosity.NORMAL)) {
            LoggerFactory.getLogger("ai.djl.engine.Engine").info("djl info");
            LoggerFactory.getLogger("ai.djl.engine.Engine").warn("djl warning");
            LoggerFactory.getLogger("ai.djl.util.cuda.CudaUtils")
                    .warn("Failed to detect GPU count");
            LoggerFactory.getLogger("org.lightlyjava.test").info("our info");
        }

        assertThat(err.toString())
                .contains("djl warning")
                .contains("our info")
                .doesNotContain("djl info")
                .doesNotContain("GPU count");
    }

    @Test
    void session_verbose_debugsOnlyLightlyJava() {
        try (LogSession logs = start(Verbosity.VERBOSE)) {
            LoggerFactory.getLogger("org.lightlyjava.test").debug("our debug");
            LoggerFactory.getLogger("com.example.Lib").debug("library debug");
        }

        assertThat(err.toString()).contains("our debug").doesNotContain("library debug");
    }

    @Test
    void session_all_debugsEverything() {
        try (LogSession logs = start(Verbosity.ALL)) {
            LoggerFactory.getLogger("com.example.Lib").debug("library debug");
            LoggerFactory.getLogger("ai.djl.Model").debug("djl debug");
        }

        assertThat(err.toString()).contains("library debug").contains("djl debug");
    }

    @Test
    void close_restoresAppendersAndLevels() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Level rootLevel = root.getLevel();
        Level djlLevel = context.getLogger("ai.djl").getLevel();
        List<String> appenders = appenderNames(root);

        try (LogSession logs = start(Verbosity.ALL)) {
            assertThat(appenderNames(root)).containsExactly("lightly-stderr");
        }
        LoggerFactory.getLogger("org.lightlyjava.test").warn("after the session");

        assertThat(root.getLevel()).isEqualTo(rootLevel);
        assertThat(context.getLogger("ai.djl").getLevel()).isEqualTo(djlLevel);
        assertThat(appenderNames(root)).isEqualTo(appenders);
        assertThat(err.toString()).doesNotContain("after the session");
    }

    @Test
    void masked_hidesRegisteredSecretsAndTokenPatterns() {
        try (LogSession logs = start(Verbosity.NORMAL)) {
            logs.mask(TOKEN);

            assertThat(logs.masked("x " + TOKEN + " y")).isEqualTo("x *** y");
            assertThat(logs.masked("{\"token\": \"abc\"}")).isEqualTo("{\"token\": \"***\"}");
        }
    }

    private static List<String> appenderNames(ch.qos.logback.classic.Logger logger) {
        List<String> names = new ArrayList<>();
        logger.iteratorForAppenders().forEachRemaining(a -> names.add(a.getName()));
        return names;
    }
}
