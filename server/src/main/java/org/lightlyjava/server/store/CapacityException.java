package org.lightlyjava.server.store;

/** Adding the samples would take the dataset past its maximum number of samples. */
public final class CapacityException extends StoreException {

    public CapacityException(String message) {
        super(message);
    }
}
