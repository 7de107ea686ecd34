package org.lightlyjava.cli;

import picocli.CommandLine.Command;

/** {@code lightly-magic}: train, embed and upload; the work is {@code MagicWorkflow}. */
@Command(
        name = "lightly-magic",
        header = "Train a model, embed the images and, given a dataset, upload them.",
        description = {
            "The same as lightly-train, then lightly-embed with the trained checkpoint, then"
                    + " lightly-upload when dataset_id= or new_dataset_name= is set: to"
                    + " server_location with token=, or without server_location into the local"
                    + " data folder (~/.lightly-java), to be browsed with: lightly-server browse."
                    + " With trainer.max_epochs=0 it skips training and embeds with default"
                    + " weights. Each image's metadata is written to metadata.jsonl."
        },
        footerHeading = "%nExample:%n",
        footer =
                "  lightly-magic input_dir=./farm trainer.max_epochs=10 new_dataset_name=farm"
                        + " upload=metadata")
final class MagicCommand extends ToolCommand {

    MagicCommand(CliEnv cli) {
        super(cli, Tool.MAGIC);
    }
}
