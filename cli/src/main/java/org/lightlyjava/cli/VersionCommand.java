package org.lightlyjava.cli;

import org.lightlyjava.config.Assignment;
import org.lightlyjava.config.Config;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.LogSession;

import picocli.CommandLine.Command;

import java.util.List;

/** {@code lightly-version}: prints {@code lightly version <x.y.z>}. */
@Command(
        name = "lightly-version",
        header = "Print the version of lightly-java.",
        description = {"Prints 'lightly version <x.y.z>'. Settings are checked but not used."},
        footerHeading = "%nExample:%n",
        footer = "  lightly-version")
final class VersionCommand extends ToolCommand {

    VersionCommand(CliEnv cli) {
        super(cli, Tool.VERSION);
    }

    @Override
    int execute(Config config, List<Assignment> assignments, LogSession logs) {
        cli.out().println("lightly version " + Version.current());
        return ExitCode.OK.code();
    }
}
