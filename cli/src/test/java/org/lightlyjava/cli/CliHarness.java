package org.lightlyjava.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Runs {@link Main} as the launcher would, with captured stdout/stderr and a fixed clock. */
final class CliHarness {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T12:03:04Z"), ZoneOffset.UTC);

    final Path workingDir;
    final Map<String, String> env = new HashMap<>();
    Launcher launcher =
            (tool, ctx) -> {
                throw new AssertionError("no workflow expected for " + tool);
            };
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    CliHarness(Path workingDir) {
        this.workingDir = workingDir;
        env.putAll(org.lightlyjava.testing.Contexts.offline(workingDir.resolve("run")));
    }

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CliEnv cli =
                new CliEnv(
                        new PrintWriter(out),
                        new PrintWriter(err),
                        env,
                        workingDir,
                        CLOCK,
                        false,
                        launcher,
                        false);
        return Main.run(cli, args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}
