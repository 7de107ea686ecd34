package org.lightlyjava.server.blob;

import java.io.IOException;

/** A request body is longer than allowed. */
public final class TooLargeException extends IOException {

    public TooLargeException(long maxBytes) {
        super("the body is larger than the limit of " + maxBytes + " bytes");
    }
}
