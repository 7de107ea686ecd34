package org.lightlyjava.cli;

import picocli.CommandLine.Command;

/** {@code lightly-embed}: embeds every image; the work is {@code EmbedWorkflow}. */
@Command(
        name = "lightly-embed",
        header = "Compute an embedding for every image and write them to embeddings.csv.",
        description = {
            "Uses the model in checkpoint= (from lightly-train), or a model with"
                    + " default weights when no checkpoint is given. Prints the path of the CSV."
        },
        footerHeading = "%nExample:%n",
        footer =
                "  lightly-embed input_dir=./farm"
                        + " checkpoint=lightly_outputs/2024-05-01/12-00-00/last.ckpt")
final class EmbedCommand extends ToolCommand {

    EmbedCommand(CliEnv cli) {
        super(cli, Tool.EMBED);
    }
}
