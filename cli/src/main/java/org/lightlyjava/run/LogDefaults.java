package org.lightlyjava.run;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.io.PrintWriter;
import java.util.Map;

/**
 * Logback's start-up configuration for the tools, in code rather than a {@code logback.xml}: XML
 * parsing loaded about 500 classes and took most of a second of every start, {@code --help}
 * included. It logs to stderr at INFO in the console pattern (messages and exceptions masked and
 * escaped), with the noisy libraries held at warnings. A {@code logback-test.xml} on the class path
 * or {@code -Dlogback.configurationFile} still wins: then this configurator steps aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogDefaults extends ContextAwareBase implements Configurator {

    private static final Map<String, Level> LEVELS =
            Map.of(
                    "ai.djl", Level.WARN,
                    "ai.djl.util.cuda.CudaUtils", Level.ERROR,
                    "org.eclipse.jetty", Level.WARN,
                    "io.javalin", Level.WARN,
                    "com.zaxxer.hikari", Level.WARN,
                    "org.flywaydb", Level.WARN,
                    "software.amazon.awssdk", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogDefaults.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        WriterAppender stderr =
                new WriterAppender(
                        new PrintWriter(System.err, true),
                        Logging.layout(context, Logging.CONSOLE_PATTERN));
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stderr);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
