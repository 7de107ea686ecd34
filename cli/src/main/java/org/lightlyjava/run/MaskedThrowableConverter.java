package org.lightlyjava.run;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.lightlyjava.api.Printable;

/**
 * {@code %ex} with secrets masked ({@link SecretMask}): exception messages may quote a URL with its
 * token; carriage returns and terminal escapes in them are escaped ({@link Printable#text}).
 * Registered for the words {@code ex}, {@code exception} and {@code throwable}.
 */
public final class MaskedThrowableConverter extends ThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return SecretMask.of(getContext()).apply(Printable.text(super.convert(event)));
    }
}
