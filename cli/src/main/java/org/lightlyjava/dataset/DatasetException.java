package org.lightlyjava.dataset;

/** The input cannot be read as a dataset at all (missing folder, no permission). */
public final class DatasetException extends RuntimeException {

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
