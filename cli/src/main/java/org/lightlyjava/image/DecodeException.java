package org.lightlyjava.image;

/**
 * A file could not be turned into an image: empty, not an image, truncated, corrupt, or too large.
 * The message is the reason only (for example {@code "empty file"}); the caller adds the file name.
 */
public final class DecodeException extends Exception {

    private static final long serialVersionUID = 1L;

    public DecodeException(String reason) {
        super(reason);
    }

    public DecodeException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
