package org.lightlyjava.run;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Logging of one tool run: Logback to stderr only (results go to stdout), in a compact pattern,
 * plus the run's log file once the run folder exists. Noisy libraries are held at warnings (DJL) or
 * errors (DJL's {@code CudaUtils}, which warns about the GPU count on every CPU machine) unless
 * {@code -vv} is given. Every message and stack trace passes through {@link SecretMask}.
 *
 * <pre>{@code
 * try (LogSession logs = Logging.start(err, Verbosity.NORMAL)) {
 *     logs.mask(token);
 *     logs.addFile(runDir.resolve("train.log"));
 *     ...
 * }
 * }</pre>
 */
public final class Logging {

    static final String CONSOLE_PATTERN = "%d{HH:mm:ss} %-5level %msg%n%ex";
    static final String VERBOSE_PATTERN =
            "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n%ex";
    static final String FILE_PATTERN =
            "[%d{\"yyyy-MM-dd HH:mm:ss,SSS\"}][%logger{36}][%level] - %msg%n%ex";

    private static final Map<String, Supplier<ch.qos.logback.core.pattern.DynamicConverter>>
            MASKED =
                    Map.of(
                            "msg", MaskedMessageConverter::new,
                            "m", MaskedMessageConverter::new,
                            "message", MaskedMessageConverter::new,
                            "ex", MaskedThrowableConverter::new,
                            "exception", MaskedThrowableConverter::new,
                            "throwable", MaskedThrowableConverter::new);

    private Logging() {}

    /**
     * Sends all logging to {@code err} at {@code verbosity} until the session is closed, which
     * restores the previous appenders and levels.
     */
    public static LogSession start(PrintWriter err, Verbosity verbosity) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return LogSession.inactive();
        }
        return LogSession.open(context, err, verbosity);
    }

    /** A started layout whose message and exception words mask secrets. */
    static PatternLayout layout(LoggerContext context, String pattern) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().putAll(MASKED);
        layout.setPattern(pattern);
        layout.start();
        return layout;
    }
}
