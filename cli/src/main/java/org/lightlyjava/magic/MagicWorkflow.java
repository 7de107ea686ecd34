package org.lightlyjava.magic;

import org.lightlyjava.config.Config;
import org.lightlyjava.embed.EmbedWorkflow;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.Outcome;
import org.lightlyjava.run.RunContext;
import org.lightlyjava.run.ToolException;
import org.lightlyjava.train.SimClrTrainer;
import org.lightlyjava.train.TrainWorkflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * lightly-magic (reference §2.4): train when {@code trainer.max_epochs > 0}, embed with the best
 * checkpoint (computing each image's metadata in the same pass), then upload.
 */
public final class MagicWorkflow {

    private static final Logger log = LoggerFactory.getLogger(MagicWorkflow.class);

    private MagicWorkflow() {}

    public static Outcome run(RunContext ctx, String tool) {
        Config config = ctx.config();
        if (config.integer("trainer.max_epochs") > 0 && config.bool("append")) {
            throw new ToolException(
                    ExitCode.CONFIG,
                    "When appending to an existing dataset you must "
                            + "use the same embedding model. Thus specify trainer.max_epochs=0. If you had "
                            + "already trained your own model, you can use it by specifying "
                            + "checkpoint=path/to/model.ckpt.");
        }
        if (config.integer("trainer.max_epochs") > 0) {
            ctx.out().println("########## Starting to train an embedding model.");
            ctx.out().flush();
            SimClrTrainer.Result trained =
                    TrainWorkflow.run(
                            ctx.with(
                                    config.with("loader.shuffle", "True")
                                            .with("loader.drop_last", "True")),
                            tool);
            config = config.with("checkpoint", trained.bestCheckpoint().toString());
        }
        ctx.out().println("########## Starting to embed your dataset.");
        ctx.out().flush();
        EmbedWorkflow.Result embedded =
                EmbedWorkflow.run(
                        ctx.with(
                                config.with("loader.shuffle", "False")
                                        .with("loader.drop_last", "False")),
                        true);
        if (wantsUpload(config)) {
            log.warn(
                    "uploading is not available in this build yet; the embeddings and per-image "
                            + "metadata are in {}",
                    ctx.runDir());
        }
        ctx.out().println("########## Finished");
        return embedded.outcome();
    }

    private static boolean wantsUpload(Config config) {
        return config.isSet("token")
                && (config.isSet("dataset_id") || config.isSet("new_dataset_name"));
    }
}
