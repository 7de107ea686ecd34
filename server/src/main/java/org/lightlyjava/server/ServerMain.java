package org.lightlyjava.server;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code lightly-server}: {@code serve} (the default) runs the server; {@code browse} runs it and
 * prints a link that signs the browser in; {@code token create|list|revoke} manages API tokens;
 * {@code datasource set|show|verify|remove} configures a dataset's datasource over HTTP. Exit
 * codes: 0 ok, 2 usage, 3 configuration (folder, database, address, credentials, a red List or Read
 * light), 4 internal error.
 */
@Command(
        name = "lightly-server",
        description =
                "A self-hosted server for Lightly's API v1 (datasets, samples, tags, embeddings).",
        mixinStandardHelpOptions = true,
        versionProvider = ServerMain.Version.class)
public final class ServerMain implements Callable<Integer> {

    private final CommandEnv env;

    private ServerMain(CommandEnv env) {
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(
                run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs one command and returns its exit code; never calls {@code System.exit}. {@code serve}
     * run this way stops only when the JVM shuts down.
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(new CommandEnv(out, err, System.getenv(), StopSignal.onJvmShutdown()), args);
    }

    /** For tests: a given environment and stop signal. */
    static int run(CommandEnv env, String... args) {
        try {
            return commandLine(env).execute(args);
        } finally {
            env.out().flush();
            env.err().flush();
        }
    }

    static CommandLine commandLine(CommandEnv env) {
        CommandLine token =
                new CommandLine(new TokenCommands.Group(env))
                        .addSubcommand(new TokenCommands.Create(env))
                        .addSubcommand(new TokenCommands.ListTokens(env))
                        .addSubcommand(new TokenCommands.Revoke(env));
        CommandLine datasource =
                new CommandLine(new DatasourceCommands.Group(env))
                        .addSubcommand(new DatasourceCommands.Set(env))
                        .addSubcommand(new DatasourceCommands.Show(env))
                        .addSubcommand(new DatasourceCommands.Verify(env))
                        .addSubcommand(new DatasourceCommands.Remove(env));
        CommandLine cli =
                new CommandLine(new ServerMain(env))
                        .addSubcommand(new ServeCommand(env))
                        .addSubcommand(new BrowseCommand(env))
                        .addSubcommand(token)
                        .addSubcommand(datasource);
        cli.setOut(env.out());
        cli.setErr(env.err());
        cli.setExecutionExceptionHandler(ServerMain::failed);
        return cli;
    }

    /** Without a subcommand: {@code serve} with its defaults. */
    @Override
    public Integer call() throws Exception {
        return new ServeCommand(env).call();
    }

    private static int failed(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof CommandFailure failure) {
            err.println("lightly-server: " + failure.getMessage());
            return failure.exitCode().code();
        }
        LoggerFactory.getLogger(ServerMain.class).error("lightly-server failed", e);
        err.println("lightly-server: internal error: " + e);
        return ExitCode.INTERNAL.code();
    }

    /** {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"lightly-server " + ServerVersion.get()};
        }
    }
}
