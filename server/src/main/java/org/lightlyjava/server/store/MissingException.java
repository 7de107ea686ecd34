package org.lightlyjava.server.store;

/** The dataset, sample, tag or embeddings an operation works on no longer exists. */
public final class MissingException extends StoreException {

    public MissingException(String message) {
        super(message);
    }
}
