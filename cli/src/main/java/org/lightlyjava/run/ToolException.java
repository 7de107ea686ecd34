package org.lightlyjava.run;

/**
 * A failure that ends a tool with a known exit code and a message for the user (no stack trace).
 */
public class ToolException extends RuntimeException {

    private final ExitCode exitCode;

    public ToolException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ToolException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
