package org.lightlyjava.run;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Progress as log lines, for when stderr is not a terminal: one line at the start, then at most one
 * every 10 seconds or at each further 10%, and a final line with the time taken.
 */
final class LogProgress implements Progress {

    static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final String task;
    private final long total;
    private final String unit;
    private final LongSupplier nanoTime;
    private final Consumer<String> sink;
    private final long startNanos;
    private long count;
    private long lastPrintNanos;
    private long lastDecile;
    private String status;
    private boolean closed;

    /**
     * @param nanoTime a monotonic clock, {@code System::nanoTime} outside tests
     * @param sink where the lines go, a logger's {@code info} outside tests
     */
    LogProgress(
            String task, long total, String unit, LongSupplier nanoTime, Consumer<String> sink) {
        this.task = task;
        this.total = total;
        this.unit = unit;
        this.nanoTime = nanoTime;
        this.sink = sink;
        this.startNanos = nanoTime.getAsLong();
        this.lastPrintNanos = startNanos;
        sink.accept(line(startNanos, false));
    }

    @Override
    public synchronized void step(long n) {
        count += n;
        long now = nanoTime.getAsLong();
        long decile = total > 0 ? count * 10 / total : -1;
        boolean due = now - lastPrintNanos >= INTERVAL_NANOS || decile > lastDecile;
        // the final line comes from close(); skip a duplicate at 100%
        if (due && !closed && (total < 0 || count < total)) {
            lastPrintNanos = now;
            lastDecile = Math.max(lastDecile, decile);
            sink.accept(line(now, false));
        }
    }

    @Override
    public synchronized void status(String text) {
        status = text;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            sink.accept(line(nanoTime.getAsLong(), true));
        }
    }

    private String line(long now, boolean finished) {
        return ProgressLine.format(task, count, total, unit, now - startNanos, status, finished);
    }
}
