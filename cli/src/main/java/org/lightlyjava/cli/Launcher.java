package org.lightlyjava.cli;

import org.lightlyjava.download.DownloadWorkflow;
import org.lightlyjava.embed.EmbedWorkflow;
import org.lightlyjava.magic.MagicWorkflow;
import org.lightlyjava.run.Outcome;
import org.lightlyjava.run.RunContext;
import org.lightlyjava.train.TrainWorkflow;
import org.lightlyjava.upload.UploadWorkflow;

/** Runs the workflow of a tool; {@link #WORKFLOWS} in production, a fake in tests. */
@FunctionalInterface
interface Launcher {

    /** The real workflows; checkpoints record {@code lightly-java <version>} as their tool. */
    Launcher WORKFLOWS =
            (tool, ctx) ->
                    switch (tool) {
                        case TRAIN -> TrainWorkflow.run(ctx, provenance()).outcome();
                        case EMBED -> EmbedWorkflow.run(ctx).outcome();
                        case MAGIC -> MagicWorkflow.run(ctx, provenance());
                        case UPLOAD -> UploadWorkflow.run(ctx, provenance());
                        case DOWNLOAD -> DownloadWorkflow.run(ctx, provenance());
                        case VERSION ->
                                throw new IllegalArgumentException(
                                        tool.command() + " has no workflow");
                    };

    Outcome launch(Tool tool, RunContext ctx);

    private static String provenance() {
        return "lightly-java " + Version.current();
    }
}
