package org.lightlyjava.server;

/**
 * The server could not start: its data folder, database or address is unusable. The message says
 * which and why (never a password).
 */
public final class ServerStartException extends Exception {

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
