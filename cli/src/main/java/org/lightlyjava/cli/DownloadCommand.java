package org.lightlyjava.cli;

import java.util.List;
import org.lightlyjava.config.Assignment;
import org.lightlyjava.config.Config;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.LogSession;
import org.lightlyjava.run.ToolException;
import picocli.CommandLine.Command;

/** {@code lightly-download}: not in this build yet; it says so and exits with code 3. */
@Command(
        name = "lightly-download",
        header = "Download the file list of a tag (and optionally the files) from a server.",
        description = {
            "Not available yet in this build (see issue 3): it checks the arguments,"
                    + " then exits with code 3."
        },
        footerHeading = "%nExample:%n",
        footer =
                "  lightly-download dataset_id=<id> tag_name=initial-tag token=<token>"
                        + " output_dir=./selected")
final class DownloadCommand extends ToolCommand {

    DownloadCommand(CliEnv cli) {
        super(cli, Tool.DOWNLOAD);
    }

    @Override
    int execute(Config config, List<Assignment> assignments, LogSession logs) {
        throw new ToolException(
                ExitCode.CONFIG, "downloading is not available yet in this build (see issue 3)");
    }
}
