package org.lightlyjava.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.regex.Pattern;
import org.lightlyjava.api.Printable;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MessageFormatter;

/**
 * Keeps secrets out of every log line, from every library and at every level: API tokens ({@code
 * token=}, {@code "token":"..."}, {@code browse}'s {@code #signin=}, 64 hex characters), the
 * session cookie, URL signatures and database passwords are replaced by {@code ***}. Jetty at DEBUG
 * prints request lines with their query string and headers with their cookies, and dumps of network
 * buffers (hidden whole); such a line is logged masked instead. {@link LightlyServer} installs it
 * into Logback when it starts.
 */
public final class SecretLogFilter extends TurboFilter {

    private static final String MASK = "$1***";
    private static final Pattern[] SECRETS = {
        // sig: an Azure SAS token's signature
        Pattern.compile("(?i)(\\b(?:token|signature|password|signin|sig)=)[^&\\s'\"]+"),
        Pattern.compile(
                "(?i)(\"(?:token|password|accountKey|gcsCredentials|private_key)\"\\s*:\\s*\")[^\"]*"),
        Pattern.compile("(lightly_session=)[^;,\\s'\"]+"),
        Pattern.compile("()\\b[0-9a-fA-F]{64}\\b"),
        // Jetty's dumps of network buffers ("={<<<GET /v1/...?tok...>>>...}") cut requests at
        // arbitrary places, so no pattern above finds the rest of a secret there.
        Pattern.compile("(\\{<<<)[\\s\\S]*"),
    };

    /** Adds the filter to Logback's context, once; does nothing under another SLF4J backend. */
    static void install() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return;
        }
        synchronized (context) {
            for (TurboFilter filter : context.getTurboFilterList()) {
                if (filter instanceof SecretLogFilter) {
                    return;
                }
            }
            SecretLogFilter filter = new SecretLogFilter();
            filter.setContext(context);
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    /** The text with every secret replaced by {@code ***}. */
    static String mask(String text) {
        String masked = text;
        for (Pattern secret : SECRETS) {
            masked = secret.matcher(masked).replaceAll(MASK);
        }
        return masked;
    }

    @Override
    public FilterReply decide(
            Marker marker,
            Logger logger,
            Level level,
            String format,
            Object[] params,
            Throwable t) {
        if (format == null
                || level == null
                || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            return FilterReply.NEUTRAL;
        }
        FormattingTuple formatted =
                MessageFormatter.arrayFormat(format, Printable.arguments(params));
        String message = formatted.getMessage();
        String masked = message == null ? null : mask(Printable.text(message));
        boolean hasArguments = params != null && params.length > 0;
        Throwable thrown = t != null ? t : formatted.getThrowable();
        Throwable maskedThrown = MaskedThrowable.of(thrown);
        if (masked == null || (masked.equals(message) && !hasArguments && maskedThrown == thrown)) {
            return FilterReply.NEUTRAL;
        }
        // A line with arguments is logged as formatted now, each argument escaped as the tools' own
        // log layout does (a file name with a newline cannot start a line of its own): an appender
        // that formats later could see an argument whose text has changed since (Jetty's request
        // state gains the URI).
        thrown = maskedThrown;
        LoggingEvent event =
                new LoggingEvent(Logger.class.getName(), logger, level, masked, thrown, null);
        if (marker != null) {
            event.addMarker(marker);
        }
        logger.callAppenders(event);
        return FilterReply.DENY;
    }
}
