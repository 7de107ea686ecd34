package org.lightlyjava.run;

/**
 * Progress of one long task: a bar with count, rate and ETA on a terminal, periodic log lines
 * otherwise. Thread-safe: workers may call {@link #step} concurrently.
 */
public interface Progress extends AutoCloseable {

    /** Advances the count by {@code n}. */
    void step(long n);

    /** Shows a short status next to the count, for example {@code loss=4.12}. */
    void status(String text);

    /** Ends the bar or prints the final line. */
    @Override
    void close();

    /** Makes {@link Progress} instances; the CLI picks the terminal or log flavour. */
    interface Factory {

        /**
         * Starts a task.
         *
         * @param task short name shown before the count, for example {@code embed}
         * @param total expected count, or -1 when unknown
         * @param unit what is counted, for example {@code img}
         */
        Progress start(String task, long total, String unit);

        /** A factory that shows nothing, for tests and library use. */
        Factory SILENT =
                (task, total, unit) ->
                        new Progress() {
                            @Override
                            public void step(long n) {}

                            @Override
                            public void status(String text) {}

                            @Override
                            public void close() {}
                        };
    }
}
