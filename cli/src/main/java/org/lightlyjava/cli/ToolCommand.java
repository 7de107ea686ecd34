package org.lightlyjava.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lightlyjava.config.Assignment;
import org.lightlyjava.config.Config;
import org.lightlyjava.config.ConfigYaml;
import org.lightlyjava.config.HydraArgs;
import org.lightlyjava.config.KeySpec;
import org.lightlyjava.config.Keys;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.LogSession;
import org.lightlyjava.run.Logging;
import org.lightlyjava.run.Progress;
import org.lightlyjava.run.ProgressFactories;
import org.lightlyjava.run.RunContext;
import org.lightlyjava.run.RunFolder;
import org.lightlyjava.run.StageTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What every tool does: turn the {@code key=value} words into a {@link Config}, then either print
 * it ({@code --cfg}) or create the run folder and its log file and make one call to the tool's
 * workflow. Every failure goes through the one {@link ExitCodeMapper}.
 */
abstract class ToolCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ToolCommand.class);

    @Mixin CommonOptions options = new CommonOptions();

    @Parameters(
            paramLabel = "key=value",
            description = {
                "Settings, Hydra style: nested keys with dots (trainer.max_epochs=10), also"
                        + " +key=value and ++key=value; quoted values ('a b'); lists ([0.2,2]). Later"
                        + " words win. Every key is listed below."
            })
    List<String> words = new ArrayList<>();

    final CliEnv cli;
    private Path runDir;
    final Tool tool;
    final ExitCodeMapper mapper;

    ToolCommand(CliEnv cli, Tool tool) {
        this.cli = cli;
        this.tool = tool;
        this.mapper = new ExitCodeMapper(tool.command(), cli.err());
    }

    @Spec CommandSpec spec;

    @Override
    public final Integer call() {
        if (options.helpAll) {
            spec.commandLine().usage(cli.out());
            return ExitCode.OK.code();
        }
        int code;
        try (LogSession logs = Logging.start(cli.err(), options.verbosity())) {
            try {
                code = run(logs);
            } catch (RuntimeException | Error e) {
                code = mapper.handle(e, logs::masked);
            }
        } finally {
            cli.out().flush();
        }
        if (runDir != null && (code == ExitCode.USAGE.code() || code == ExitCode.CONFIG.code())) {
            // refused before any work: leave no empty run folder behind
            RunFolder.removeIfUnused(runDir, tool.logFile(), cli.workingDir());
        }
        return code;
    }

    private int run(LogSession logs) {
        List<Assignment> assignments = HydraArgs.parse(words);
        Config config = HydraArgs.apply(Config.defaults(cli.workingDir()), assignments, cli.env());
        for (KeySpec spec : Keys.all()) {
            if (spec.isSecret()) {
                logs.mask(config.string(spec.name()));
            }
        }
        if (options.cfg != null) {
            cli.out().print(ConfigYaml.write(config, options.cfg::includes));
            return ExitCode.OK.code();
        }
        return execute(config, assignments, logs);
    }

    /** Runs the tool on a checked configuration: by default its workflow in a fresh run folder. */
    int execute(Config config, List<Assignment> assignments, LogSession logs) {
        runDir = RunFolder.create(config, assignments, cli.clock());
        logs.addFile(runDir.resolve(tool.logFile()));
        LOG.debug("{} {} in {}", tool.command(), assignments, runDir);
        StageTracker stages = new StageTracker(progress());
        RunContext ctx = new RunContext(config, runDir, stages, cli.out(), cli.env());
        try (Interrupts signals =
                cli.ownsProcess()
                        ? Interrupts.install(
                                tool, words, config, runDir, stages, cli.err(), logs::masked)
                        : null) {
            return mapper.exitCode(cli.launcher().launch(tool, ctx));
        }
    }

    private Progress.Factory progress() {
        return ProgressFactories.choose(
                cli.env().get(ProgressFactories.ENV),
                cli.stderrTerminal(),
                options.quiet,
                cli.err());
    }
}
