package org.lightlyjava.server;

/** Exit codes of {@code lightly-server}, the same as the tools'. */
enum ExitCode {
    OK(0),
    USAGE(2),
    CONFIG(3),
    INTERNAL(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
