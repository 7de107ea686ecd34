package org.lightlyjava.cli;

import picocli.CommandLine.Command;

/** {@code lightly-upload}: the work is {@code UploadWorkflow}. */
@Command(
        name = "lightly-upload",
        header = "Upload images, metadata and embeddings to a Lightly-compatible server.",
        description = {
            "Uploads the images of input_dir (with upload=full: thumbnail and original file;"
                    + " thumbnails: thumbnail; metadata: nothing but metadata) with Lightly's"
                    + " per-image metadata, then embeddings= (checked and reordered to the server's"
                    + " order), then custom_metadata=. Without server_location (or"
                    + " LIGHTLY_SERVER_LOCATION) it starts lightly-server in this process over the"
                    + " local data folder, to be browsed with: lightly-server browse. Running the"
                    + " same command again after an interruption"
                    + " finishes the upload without duplicating anything."
        },
        footerHeading = "%nExample:%n",
        footer =
                "  lightly-upload input_dir=./farm embeddings=embeddings.csv"
                        + " new_dataset_name=farm token=<token>")
final class UploadCommand extends ToolCommand {

    UploadCommand(CliEnv cli) {
        super(cli, Tool.UPLOAD);
    }
}
