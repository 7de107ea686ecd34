package org.lightlyjava.server.datasource;

/**
 * A datasource refused or could not do something; the message is meant for the API's caller and
 * never contains a secret.
 */
public final class DatasourceException extends RuntimeException {

    /** What went wrong, which decides the API's answer. */
    public enum Kind {
        /** The configuration or a path is not acceptable (400). */
        INVALID,
        /** The bucket refused the stored credentials, or the bucket does not exist (400). */
        CREDENTIALS,
        /** The storage could not be reached in time (502). */
        UNREACHABLE,
        /** No such file (404). */
        NOT_FOUND
    }

    private final Kind kind;

    public DatasourceException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static DatasourceException invalid(String message) {
        return new DatasourceException(Kind.INVALID, message);
    }
}
