package org.lightlyjava.run;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %msg} with secrets masked ({@link SecretMask}). Registered for the words {@code msg},
 * {@code m} and {@code message}, so any pattern that prints the message masks it.
 */
public final class MaskedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return SecretMask.of(getContext()).apply(super.convert(event));
    }
}
