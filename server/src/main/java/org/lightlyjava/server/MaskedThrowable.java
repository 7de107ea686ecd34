package org.lightlyjava.server;

/**
 * A stand-in for an exception whose message, or a cause's, holds a secret: the original class name
 * and message with the secret masked (as its message), the same stack trace and chain of causes, so
 * a log line's stack trace keeps everything but the secret.
 */
final class MaskedThrowable extends RuntimeException {

    private static final int MAX_DEPTH = 16;

    private MaskedThrowable(Throwable original, Throwable cause) {
        super(describe(original), cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    /** {@code thrown} itself when no message in its chain holds a secret, else a masked copy. */
    static Throwable of(Throwable thrown) {
        return holdsSecret(thrown, 0) ? copy(thrown, 0) : thrown;
    }

    private static String describe(Throwable original) {
        String message = original.getMessage();
        String name = original.getClass().getName();
        return message == null ? name : name + ": " + SecretLogFilter.mask(message);
    }

    private static boolean holdsSecret(Throwable thrown, int depth) {
        if (thrown == null || depth > MAX_DEPTH) {
            return false;
        }
        String message = thrown.getMessage();
        if (message != null && !SecretLogFilter.mask(message).equals(message)) {
            return true;
        }
        return thrown.getCause() != thrown && holdsSecret(thrown.getCause(), depth + 1);
    }

    private static Throwable copy(Throwable thrown, int depth) {
        Throwable cause = thrown.getCause();
        boolean more = cause != null && cause != thrown && depth < MAX_DEPTH;
        return new MaskedThrowable(thrown, more ? copy(cause, depth + 1) : null);
    }
}
