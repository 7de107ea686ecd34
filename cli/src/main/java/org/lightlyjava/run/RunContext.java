package org.lightlyjava.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.lightlyjava.config.Config;

/**
 * What a workflow needs from the command that started it.
 *
 * @param config the resolved configuration
 * @param runDir the run folder ({@code lightly_outputs/<date>/<time>/}), already created
 * @param progress makes progress bars or log lines
 * @param out where results for the user go (stdout); diagnostics go to the log (stderr)
 * @param env the environment of the invocation (download cache, mirror, offline switch)
 */
public record RunContext(
        Config config,
        Path runDir,
        Progress.Factory progress,
        PrintWriter out,
        Map<String, String> env) {

    public RunContext {
        env = Map.copyOf(env);
    }

    /** A copy with another configuration, for chained stages such as lightly-magic's. */
    public RunContext with(Config other) {
        return new RunContext(other, runDir, progress, out, env);
    }
}
