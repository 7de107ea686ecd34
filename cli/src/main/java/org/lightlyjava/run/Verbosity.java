package org.lightlyjava.run;

/** How much the tools log to stderr, from the {@code -q}, {@code -v} and {@code -vv} flags. */
public enum Verbosity {
    /** {@code -q}: warnings and errors only, no progress. */
    QUIET,
    /** The default: info for lightly-java, warnings for libraries. */
    NORMAL,
    /** {@code -v}: debug for lightly-java. */
    VERBOSE,
    /** {@code -vv}: debug for everything, libraries included. */
    ALL;

    /** The level for {@code verbose} repetitions of {@code -v}, or {@link #QUIET}. */
    public static Verbosity of(int verbose, boolean quiet) {
        if (quiet) {
            return QUIET;
        }
        return verbose <= 0 ? NORMAL : verbose == 1 ? VERBOSE : ALL;
    }
}
