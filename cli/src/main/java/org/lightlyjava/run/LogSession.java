package org.lightlyjava.run;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * The logging set-up of one run, made by {@link Logging#start}. Closing it restores the appenders
 * and levels that were there before, so tests and repeated runs in one JVM do not interfere.
 */
public final class LogSession implements AutoCloseable {

    static final String PROJECT = "org.lightlyjava";
    private static final String SERVER = "org.lightlyjava.server";
    private static final String DJL = "ai.djl";
    private static final String CUDA_UTILS = "ai.djl.util.cuda.CudaUtils";

    private final LoggerContext context;
    private final List<Appender<ILoggingEvent>> saved = new ArrayList<>();
    private final Map<Logger, Level> savedLevels = new HashMap<>();
    private final List<Appender<ILoggingEvent>> added = new ArrayList<>();
    private final Set<String> secrets = new HashSet<>();

    private LogSession(LoggerContext context) {
        this.context = context;
    }

    static LogSession inactive() {
        return new LogSession(null);
    }

    static LogSession open(LoggerContext context, PrintWriter err, Verbosity verbosity) {
        LogSession session = new LogSession(context);
        session.replaceAppenders(err, verbosity);
        session.setLevels(verbosity);
        return session;
    }

    /**
     * Also writes the log to {@code file} (created, or appended to), as Hydra's {@code <app>.log}.
     */
    public void addFile(Path file) {
        if (context == null) {
            return;
        }
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(Logging.layout(context, Logging.FILE_PATTERN));
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("lightly-run-file");
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.start();
        if (appender.isStarted()) {
            attach(appender);
        } else {
            LoggerFactory.getLogger(LogSession.class).warn("cannot write the log file {}", file);
        }
    }

    /** Masks {@code secret} in everything logged from now on (also by other sessions' layouts). */
    public void mask(String secret) {
        if (context != null && secret != null && !secret.isEmpty()) {
            SecretMask.of(context).add(secret);
            secrets.add(secret);
        }
    }

    /** {@code text} with the registered secrets and anything like {@code token=...} masked. */
    public String masked(String text) {
        return (context == null ? new SecretMask() : SecretMask.of(context)).apply(text);
    }

    @Override
    public void close() {
        if (context == null) {
            return;
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        for (Appender<ILoggingEvent> appender : added) {
            root.detachAppender(appender);
            appender.stop();
        }
        added.clear();
        saved.forEach(root::addAppender);
        saved.clear();
        savedLevels.forEach(Logger::setLevel);
        savedLevels.clear();
        SecretMask mask = SecretMask.of(context);
        secrets.forEach(mask::remove);
        secrets.clear();
    }

    private void replaceAppenders(PrintWriter err, Verbosity verbosity) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            saved.add(it.next());
        }
        saved.forEach(root::detachAppender);
        String pattern =
                verbosity.compareTo(Verbosity.VERBOSE) >= 0
                        ? Logging.VERBOSE_PATTERN
                        : Logging.CONSOLE_PATTERN;
        WriterAppender console = new WriterAppender(err, Logging.layout(context, pattern));
        console.setContext(context);
        console.setName("lightly-stderr");
        console.start();
        attach(console);
    }

    private void attach(Appender<ILoggingEvent> appender) {
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        added.add(appender);
    }

    private void setLevels(Verbosity verbosity) {
        switch (verbosity) {
            case QUIET -> levels(Level.WARN, Level.WARN, Level.WARN, Level.ERROR, Level.WARN);
            case NORMAL -> levels(Level.INFO, Level.INFO, Level.WARN, Level.ERROR, Level.WARN);
            case VERBOSE -> levels(Level.INFO, Level.DEBUG, Level.WARN, Level.ERROR, Level.DEBUG);
            case ALL -> {
                // everything at debug: drop the level of every configured logger, so all inherit
                for (Logger logger : context.getLoggerList()) {
                    if (logger.getLevel() != null
                            && !Logger.ROOT_LOGGER_NAME.equals(logger.getName())) {
                        level(logger.getName(), null);
                    }
                }
                level(Logger.ROOT_LOGGER_NAME, Level.DEBUG);
            }
        }
    }

    /**
     * Levels for the root, lightly-java, DJL, DJL's CUDA probe, and the server: a server started in
     * this process (the embedded default) logs its requests and jobs at INFO, which a tool's user
     * should not see unless asking with {@code -v}.
     */
    private void levels(Level root, Level project, Level djl, Level cuda, Level server) {
        level(Logger.ROOT_LOGGER_NAME, root);
        level(PROJECT, project);
        level(SERVER, server);
        level(DJL, djl);
        level(CUDA_UTILS, cuda);
    }

    private void level(String name, Level level) {
        Logger logger = context.getLogger(name);
        if (!savedLevels.containsKey(logger)) {
            savedLevels.put(logger, logger.getLevel());
        }
        logger.setLevel(level);
    }
}
