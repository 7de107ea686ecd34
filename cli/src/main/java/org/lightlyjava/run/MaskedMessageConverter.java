package org.lightlyjava.run;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.lightlyjava.api.Printable;
import org.slf4j.helpers.MessageFormatter;

/**
 * {@code %msg} with secrets masked ({@link SecretMask}) and outside text made printable ({@link
 * Printable}): every argument is escaped completely (a file name with a newline stays on its line),
 * the message itself keeps its own line breaks but loses carriage returns and terminal escapes.
 * Registered for the words {@code msg}, {@code m} and {@code message}, so any pattern that prints
 * the message does both.
 */
public final class MaskedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        Object[] args = event.getArgumentArray();
        String message =
                args == null || args.length == 0
                        ? event.getFormattedMessage()
                        : MessageFormatter.basicArrayFormat(
                                event.getMessage(), Printable.arguments(args));
        return SecretMask.of(getContext()).apply(Printable.text(message));
    }
}
