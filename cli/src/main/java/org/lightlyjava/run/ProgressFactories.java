package org.lightlyjava.run;

import java.io.PrintWriter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Progress.Factory} flavours: a terminal bar, log lines, or nothing. Workflows take the
 * factory from {@link RunContext#progress()} and never pick one themselves:
 *
 * <pre>{@code
 * try (Progress p = ctx.progress().start("embed", files.size(), "img")) {
 *     ... p.step(batch.size()); p.status("loss=" + loss); ...
 * }
 * }</pre>
 */
public final class ProgressFactories {

    /** Environment variable that overrides the choice: {@code bar}, {@code log} or {@code none}. */
    public static final String ENV = "LIGHTLY_PROGRESS";

    private static final Logger LOG = LoggerFactory.getLogger("org.lightlyjava.progress");

    private ProgressFactories() {}

    /** Log lines at info: at the start, every 10 s or 10%, and at the end. */
    public static Progress.Factory log() {
        return (task, total, unit) ->
                new LogProgress(task, total, unit, System::nanoTime, LOG::info);
    }

    /** A bar drawn on {@code err}, which should be a terminal. */
    public static Progress.Factory bar(PrintWriter err) {
        return (task, total, unit) ->
                new BarProgress(task, total, unit, new BarProgress.WriterConsumer(err));
    }

    /**
     * The flavour for a run: {@code setting} (the value of {@value #ENV}) when given, else nothing
     * when quiet, a bar when stderr is a terminal, and log lines otherwise.
     */
    public static Progress.Factory choose(
            String setting, boolean terminal, boolean quiet, PrintWriter err) {
        String s = setting == null ? "" : setting.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "bar":
                return bar(err);
            case "log":
                return log();
            case "none":
                return Progress.Factory.SILENT;
            case "":
                break;
            default:
                LOG.warn("{}={} is not bar, log or none; choosing by the terminal", ENV, setting);
        }
        if (quiet) {
            return Progress.Factory.SILENT;
        }
        return terminal ? bar(err) : log();
    }
}
