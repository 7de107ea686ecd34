package org.lightlyjava.run;

/**
 * How a workflow ended: the number of items it handled and of those that failed (each already
 * reported by name).
 */
public record Outcome(long done, long failed) {

    public static final Outcome EMPTY = new Outcome(0, 0);

    public ExitCode exitCode() {
        return failed > 0 ? ExitCode.PARTIAL : ExitCode.OK;
    }

    public Outcome plus(Outcome other) {
        return new Outcome(done + other.done, failed + other.failed);
    }
}
