package org.lightlyjava.server;

/** A command ends with a message for the user and an exit code. */
final class CommandFailure extends Exception {

    private final ExitCode exitCode;

    CommandFailure(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    ExitCode exitCode() {
        return exitCode;
    }
}
