package org.lightlyjava.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The outside world of one invocation, injected so tests can run the real commands.
 *
 * @param out results (stdout)
 * @param err diagnostics: logs, progress, error messages (stderr)
 * @param env environment variables
 * @param workingDir the directory the user ran from; relative paths and the run folder resolve
 *     against it
 * @param clock names the run folder
 * @param stderrTerminal whether stderr is a terminal (progress bar rather than log lines)
 * @param launcher runs the workflow of a tool
 * @param ownsProcess whether this is the process's own entry ({@link Main#main}): then Ctrl-C and
 *     SIGTERM are reported by {@link Interrupts}
 */
record CliEnv(
        PrintWriter out,
        PrintWriter err,
        Map<String, String> env,
        Path workingDir,
        Clock clock,
        boolean stderrTerminal,
        Launcher launcher,
        boolean ownsProcess) {

    CliEnv {
        env = Map.copyOf(env);
        workingDir = workingDir.toAbsolutePath().normalize();
    }
}
