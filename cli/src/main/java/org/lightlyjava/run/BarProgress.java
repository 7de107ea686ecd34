package org.lightlyjava.run;

import java.io.PrintWriter;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress as a terminal bar (me.tongfei progressbar) with count/total, rate, ETA and status. */
final class BarProgress implements Progress {

    private final ProgressBar bar;

    BarProgress(String task, long total, String unit, ProgressBarConsumer consumer) {
        this.bar =
                new ProgressBarBuilder()
                        .setTaskName(task)
                        .setInitialMax(total < 0 ? -1 : total)
                        .setUnit(" " + unit, 1)
                        .showSpeed(speedFormat())
                        .setStyle(ProgressBarStyle.UNICODE_BLOCK)
                        .setUpdateIntervalMillis(250)
                        .setConsumer(consumer)
                        .build();
    }

    /**
     * Rates with a leading zero ({@code 0.7 step/s}): the library's default pattern {@code #.0}
     * prints {@code .7}.
     */
    static DecimalFormat speedFormat() {
        return new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    @Override
    public void step(long n) {
        bar.stepBy(n);
    }

    @Override
    public void status(String text) {
        bar.setExtraMessage(text == null || text.isBlank() ? "" : " " + text);
    }

    @Override
    public void close() {
        bar.close();
    }

    /** Draws the bar on {@code err}, as wide as the terminal, through it when it is a terminal. */
    static final class WriterConsumer extends DelegatingProgressBarConsumer {

        private final PrintWriter err;

        WriterConsumer(PrintWriter err) {
            super(line -> draw(err, line), terminalWidth() - 1);
            this.err = err;
        }

        @Override
        public void close() {
            if (err instanceof TerminalWriter terminal) {
                terminal.endFrames();
            } else {
                err.println();
                err.flush();
            }
        }

        private static void draw(PrintWriter err, String line) {
            if (err instanceof TerminalWriter terminal) {
                terminal.frame(line);
            } else {
                err.print('\r' + line);
                err.flush();
            }
        }

        private static int terminalWidth() {
            // the library's own terminal detection, reached through its public default
            return new DelegatingProgressBarConsumer(line -> {}).getMaxRenderedLength();
        }
    }
}
