package org.lightlyjava.cli;

import picocli.CommandLine.Command;

/** {@code lightly-train}: trains an embedding model; the work is {@code TrainWorkflow}. */
@Command(
        name = "lightly-train",
        header = "Train a self-supervised embedding model (SimCLR) on a folder of images.",
        description = {
            "Writes the checkpoints lightly_epoch_<N>.ckpt and last.ckpt to the run"
                    + " folder and prints the path of the best one."
        },
        footerHeading = "%nExample:%n",
        footer = "  lightly-train input_dir=./farm trainer.max_epochs=10 loader.batch_size=64")
final class TrainCommand extends ToolCommand {

    TrainCommand(CliEnv cli) {
        super(cli, Tool.TRAIN);
    }
}
