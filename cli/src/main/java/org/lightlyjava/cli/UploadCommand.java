package org.lightlyjava.cli;

import java.util.List;
import org.lightlyjava.config.Assignment;
import org.lightlyjava.config.Config;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.LogSession;
import org.lightlyjava.run.ToolException;
import picocli.CommandLine.Command;

/** {@code lightly-upload}: not in this build yet; it says so and exits with code 3. */
@Command(
        name = "lightly-upload",
        header = "Upload images, metadata and embeddings to a Lightly-compatible server.",
        description = {
            "Not available yet in this build (see issue 3): it checks the arguments,"
                    + " then exits with code 3."
        },
        footerHeading = "%nExample:%n",
        footer =
                "  lightly-upload input_dir=./farm embeddings=embeddings.csv"
                        + " new_dataset_name=farm token=<token>")
final class UploadCommand extends ToolCommand {

    UploadCommand(CliEnv cli) {
        super(cli, Tool.UPLOAD);
    }

    @Override
    int execute(Config config, List<Assignment> assignments, LogSession logs) {
        throw new ToolException(
                ExitCode.CONFIG, "uploading is not available yet in this build (see issue 3)");
    }
}
