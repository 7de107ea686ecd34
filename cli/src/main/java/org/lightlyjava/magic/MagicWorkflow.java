package org.lightlyjava.magic;

import org.lightlyjava.config.Config;
import org.lightlyjava.dataset.ImageSource;
import org.lightlyjava.embed.EmbedWorkflow;
import org.lightlyjava.pipeline.Inputs;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.Outcome;
import org.lightlyjava.run.RunContext;
import org.lightlyjava.run.ToolException;
import org.lightlyjava.train.SimClrTrainer;
import org.lightlyjava.train.TrainWorkflow;
import org.lightlyjava.upload.UploadMode;
import org.lightlyjava.upload.UploadSettings;
import org.lightlyjava.upload.UploadWorkflow;

/**
 * lightly-magic (reference §2.4): train when {@code trainer.max_epochs > 0}, embed with the best
 * checkpoint (computing each image's metadata, and its thumbnail when the upload needs one, in the
 * same pass), then, when a dataset is named, upload images, metadata and embeddings.
 */
public final class MagicWorkflow {

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
        UploadSettings upload = uploadSettings(config);
        // Listed once for all stages (an S3 prefix is not listed again); its connections stay
        // open for upload=full, which reads the originals again.
        try (ImageSource source = Inputs.open(config)) {
            return run(ctx, config, source, upload, tool);
        }
    }

    private static Outcome run(
            RunContext ctx, Config config, ImageSource source, UploadSettings upload, String tool) {
        if (config.integer("trainer.max_epochs") > 0) {
            ctx.out().println("########## Starting to train an embedding model.");
            ctx.out().flush();
            SimClrTrainer.Result trained =
                    TrainWorkflow.run(
                            ctx.with(
                                    config.with("loader.shuffle", "True")
                                            .with("loader.drop_last", "True")),
                            source,
                            tool);
            config = config.with("checkpoint", trained.bestCheckpoint().toString());
        }
        ctx.out().println("########## Starting to embed your dataset.");
        ctx.out().flush();
        boolean uploading = upload.hasDataset();
        EmbedWorkflow.Extras extras =
                new EmbedWorkflow.Extras(
                        true, uploading && upload.mode() != UploadMode.METADATA, upload.resize());
        EmbedWorkflow.Result embedded =
                EmbedWorkflow.run(
                        ctx.with(
                                config.with("loader.shuffle", "False")
                                        .with("loader.drop_last", "False")),
                        source,
                        extras);
        Outcome outcome = embedded.outcome();
        if (uploading) {
            ctx.out()
                    .println("########## Starting to upload your dataset to the Lightly platform.");
            ctx.out().flush();
            // images the embedding pass could not read are counted once, by its outcome
            Outcome uploaded =
                    UploadWorkflow.afterEmbedding(
                            ctx.with(config),
                            new UploadWorkflow.Embedded(
                                    embedded.source(),
                                    embedded.embedded(),
                                    embedded.metadata(),
                                    embedded.thumbnails(),
                                    embedded.embeddings(),
                                    outcome.failed()),
                            tool);
            outcome = new Outcome(outcome.done(), outcome.failed() + uploaded.failed());
            if (uploaded.failed() > 0) {
                ctx.out().println("########## Stopped with the upload incomplete");
                return outcome;
            }
        }
        ctx.out().println("########## Finished");
        return outcome;
    }

    private static UploadSettings uploadSettings(Config config) {
        try {
            return UploadSettings.from(config);
        } catch (IllegalArgumentException e) {
            throw new ToolException(ExitCode.CONFIG, e.getMessage(), e);
        }
    }
}
