package org.lightlyjava.run;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Progress.Factory} that remembers the last task it started and how far it got, so an
 * interrupted run can say what it was doing ({@code during epoch 3/10 (2/5 step)}) and close the
 * open progress display before printing that.
 */
public final class StageTracker implements Progress.Factory {

    private final Progress.Factory inner;
    private volatile Tracked last;

    public StageTracker(Progress.Factory inner) {
        this.inner = inner;
    }

    @Override
    public Progress start(String task, long total, String unit) {
        Tracked tracked = new Tracked(inner.start(task, total, unit), task, total, unit);
        last = tracked;
        return tracked;
    }

    /** {@code during embed (120/1000 img)}, {@code after epoch 2/10}, or empty before any task. */
    public Optional<String> stage() {
        Tracked t = last;
        if (t == null) {
            return Optional.empty();
        }
        if (t.closed) {
            return Optional.of("after " + t.task);
        }
        String total = t.total >= 0 ? "/" + t.total : "";
        return Optional.of("during " + t.task + " (" + t.count.get() + total + " " + t.unit + ")");
    }

    /** Ends the open progress display, if any, so that the next line starts on its own line. */
    public void closeOpen() {
        Tracked t = last;
        if (t != null) {
            t.close();
        }
    }

    private static final class Tracked implements Progress {

        final Progress delegate;
        final String task;
        final long total;
        final String unit;
        final AtomicLong count = new AtomicLong();
        volatile boolean closed;

        Tracked(Progress delegate, String task, long total, String unit) {
            this.delegate = delegate;
            this.task = task;
            this.total = total;
            this.unit = unit;
        }

        @Override
        public void step(long n) {
            count.addAndGet(n);
            delegate.step(n);
        }

        @Override
        public void status(String text) {
            delegate.status(text);
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                delegate.close();
            }
        }
    }
}
