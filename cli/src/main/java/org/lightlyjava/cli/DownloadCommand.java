package org.lightlyjava.cli;

import picocli.CommandLine.Command;

/** {@code lightly-download}: the work is {@code DownloadWorkflow}. */
@Command(
        name = "lightly-download",
        header = "Download the file list of a tag (and optionally the files) from a server.",
        description = {
            "Writes the file names of tag_name to <tag_name>.txt in the run folder; with"
                    + " input_dir and output_dir copies those files from input_dir; with output_dir"
                    + " alone downloads the full images (datasets uploaded with upload=full)."
                    + " exclude_parent_tag=True keeps only what the tag adds to its parent."
        },
        footerHeading = "%nExample:%n",
        footer =
                "  lightly-download dataset_id=<id> tag_name=initial-tag token=<token>"
                        + " output_dir=./selected")
final class DownloadCommand extends ToolCommand {

    DownloadCommand(CliEnv cli) {
        super(cli, Tool.DOWNLOAD);
    }
}
