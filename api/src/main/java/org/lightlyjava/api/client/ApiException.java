package org.lightlyjava.api.client;

/**
 * A call to the API failed: the server answered with an error status ({@link #status()} &gt; 0,
 * with Lightly's error {@link #code()} when the body had one), or it could not be reached at all
 * within the retries ({@link #status()} == 0).
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public ApiException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.code = null;
    }

    /** The HTTP status, or 0 when no answer arrived. */
    public int status() {
        return status;
    }

    /** Lightly's error code such as {@code DATASET_NAME_EXISTS}, or {@code null}. */
    public String code() {
        return code;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    public boolean isConflict() {
        return status == 409;
    }

    /**
     * Whether no answer arrived because the connection failed (refused, reset, timed out) on every
     * try: the server is down or unreachable, so further calls would fail the same way.
     */
    public boolean isUnreachable() {
        return status == 0 && getCause() instanceof java.io.IOException;
    }
}
