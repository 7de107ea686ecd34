package org.lightlyjava.server.store;

/** A unique key (user name, dataset name, sample file name, tag name, ...) is taken already. */
public final class DuplicateException extends StoreException {

    public DuplicateException(String message) {
        super(message);
    }

    public DuplicateException(String message, Throwable cause) {
        super(message, cause);
    }
}
