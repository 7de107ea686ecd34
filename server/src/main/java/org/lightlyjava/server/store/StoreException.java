package org.lightlyjava.server.store;

/** A store operation failed for a reason the caller can act on; nothing was changed. */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
