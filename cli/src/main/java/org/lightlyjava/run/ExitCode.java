package org.lightlyjava.run;

/** The exit codes of every tool. One table, mapped once in the CLI. */
public enum ExitCode {
    /** Everything succeeded. */
    OK(0),
    /** The run finished, but some items (files, samples) failed; each was reported by name. */
    PARTIAL(1),
    /** Bad command line: unknown key, bad value, wrong syntax. */
    USAGE(2),
    /** The configuration cannot work: missing input folder or checkpoint, bad credentials. */
    CONFIG(3),
    /** A bug or an unexpected failure of the machine. */
    INTERNAL(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
