package org.lightlyjava.run;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Stderr on a terminal, shared by the progress bar and the log: a bar frame stays on its line
 * (carriage return, no newline), and anything else written first clears that line, so log lines
 * never land behind a half-drawn bar. The bar redraws itself on its next tick.
 */
public final class TerminalWriter extends PrintWriter {

    private static final String CLEAR_LINE = "\r\033[K";

    private boolean barShown;

    public TerminalWriter(Writer out) {
        super(out, true);
    }

    /** Draws one bar frame over the current line. */
    void frame(String text) {
        synchronized (lock) {
            String line = "\r" + text;
            super.write(line, 0, line.length());
            barShown = true;
            flush();
        }
    }

    /** Leaves the last frame visible and moves to the next line. */
    void endFrames() {
        synchronized (lock) {
            if (barShown) {
                barShown = false;
                super.write("\n", 0, 1);
            }
            flush();
        }
    }

    @Override
    public void write(String s, int off, int len) {
        synchronized (lock) {
            clearBar();
            super.write(s, off, len);
        }
    }

    @Override
    public void write(char[] buf, int off, int len) {
        synchronized (lock) {
            clearBar();
            super.write(buf, off, len);
        }
    }

    @Override
    public void write(int c) {
        synchronized (lock) {
            clearBar();
            super.write(c);
        }
    }

    private void clearBar() {
        if (barShown) {
            barShown = false;
            super.write(CLEAR_LINE, 0, CLEAR_LINE.length());
        }
    }
}
