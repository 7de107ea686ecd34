package org.lightlyjava.run;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * The text of one progress log line, for example {@code embed: 1200/2000 img (60%), 45.1 img/s, ETA
 * 0:00:17, loss=4.12}. Rates are per second, also below one ({@code 0.7 step/s}).
 */
final class ProgressLine {

    private static final double NANOS = 1e9;

    private ProgressLine() {}

    /**
     * @param total expected count, or negative when unknown
     * @param elapsedNanos time since the task started
     * @param status last status text, or {@code null}
     * @param finished whether this is the final line (shows the time taken instead of the ETA)
     */
    static String format(
            String task,
            long count,
            long total,
            String unit,
            long elapsedNanos,
            String status,
            boolean finished) {
        StringBuilder line = new StringBuilder(task).append(": ").append(count);
        if (total >= 0) {
            line.append('/').append(total);
        }
        line.append(' ').append(unit);
        if (total > 0) {
            line.append(" (").append(Math.min(100, count * 100 / total)).append("%)");
        }
        double seconds = elapsedNanos / NANOS;
        double rate = seconds > 0 ? count / seconds : 0;
        if (rate > 0) {
            line.append(", ").append(rate(rate, unit));
        }
        if (finished) {
            line.append(", took ").append(clock(seconds));
        } else if (rate > 0 && total > count) {
            line.append(", ETA ").append(clock((total - count) / rate));
        }
        if (status != null && !status.isBlank()) {
            line.append(", ").append(status);
        }
        return line.toString();
    }

    /** Per second, always: {@code 45.1 img/s}, {@code 0.7 step/s}, {@code 0.012 epoch/s}. */
    static String rate(double perSecond, String unit) {
        if (perSecond >= 0.095) {
            return String.format(Locale.ROOT, "%.1f %s/s", perSecond, unit);
        }
        String value =
                new BigDecimal(perSecond)
                        .round(new MathContext(2))
                        .stripTrailingZeros()
                        .toPlainString();
        return value + " " + unit + "/s";
    }

    /** Whole seconds as {@code H:MM:SS}, rounded down as tqdm does. */
    static String clock(double seconds) {
        long s = (long) Math.floor(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
