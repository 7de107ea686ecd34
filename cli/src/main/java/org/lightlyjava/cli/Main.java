package org.lightlyjava.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.lightlyjava.config.DidYouMean;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.TerminalWriter;
import org.lightlyjava.run.Terminals;
import picocli.CommandLine;

/**
 * The entry point of every tool: {@code Main <tool> key=value...}, where the launcher script passes
 * the tool ({@code train}, {@code embed}, {@code magic}, {@code upload}, {@code download}, {@code
 * version}; {@code lightly-train} works as well). The exit codes are those of {@link ExitCode}.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(
                run(
                        new PrintWriter(System.out, true),
                        new PrintWriter(System.err, true),
                        System.getenv(),
                        Path.of("").toAbsolutePath(),
                        true,
                        args));
    }

    /**
     * Runs one tool and returns its exit code; never calls {@code System.exit}.
     *
     * @param out results
     * @param err logs, progress and error messages
     * @param env the environment ({@code LIGHTLY_TOKEN}, {@code LIGHTLY_PROGRESS}, ...)
     * @param workingDir the directory the user ran from
     * @param args the tool, then its options and {@code key=value} words
     */
    public static int run(
            PrintWriter out,
            PrintWriter err,
            Map<String, String> env,
            Path workingDir,
            String... args) {
        return run(out, err, env, workingDir, false, args);
    }

    private static int run(
            PrintWriter out,
            PrintWriter err,
            Map<String, String> env,
            Path workingDir,
            boolean ownsProcess,
            String... args) {
        boolean terminal = Terminals.stderrIsTerminal();
        PrintWriter diagnostics = terminal ? new TerminalWriter(err) : err;
        return run(
                new CliEnv(
                        out,
                        diagnostics,
                        env,
                        workingDir,
                        Clock.systemDefaultZone(),
                        terminal,
                        Launcher.WORKFLOWS,
                        ownsProcess),
                args);
    }

    static int run(CliEnv cli, String... args) {
        try {
            return dispatch(cli, args);
        } finally {
            cli.out().flush();
            cli.err().flush();
        }
    }

    private static int dispatch(CliEnv cli, String... args) {
        if (args.length == 0) {
            cli.err().print("lightly: no tool given\n" + overview());
            return ExitCode.USAGE.code();
        }
        if (args[0].equals("-h") || args[0].equals("--help")) {
            cli.out().print(overview());
            return ExitCode.OK.code();
        }
        Optional<Tool> tool = Tool.find(args[0]);
        if (tool.isEmpty()) {
            String hint =
                    DidYouMean.phrase(DidYouMean.closest(args[0], Tool.ids()))
                            .map(s -> ": " + s)
                            .orElse("");
            cli.err().print("lightly: unknown tool '" + args[0] + "'" + hint + "\n" + overview());
            return ExitCode.USAGE.code();
        }
        return commandLine(tool.get(), cli).execute(Arrays.copyOfRange(args, 1, args.length));
    }

    static CommandLine commandLine(Tool tool, CliEnv cli) {
        ToolCommand command = tool.create(cli);
        CommandLine cmd = new CommandLine(command);
        cmd.setOut(cli.out());
        cmd.setErr(cli.err());
        cmd.setExpandAtFiles(false);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler(command.mapper);
        cmd.setExecutionExceptionHandler(command.mapper);
        HelpSections.install(cmd, tool);
        return cmd;
    }

    private static String overview() {
        return "Usage: lightly-<tool> [-hqv] [--cfg job] [key=value...]\n"
                + "Tools: "
                + String.join(", ", Tool.ids())
                + "\n"
                + "For the keys and options of a tool, try: lightly-<tool> --help\n";
    }
}
