package org.lightlyjava.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.lightlyjava.config.Config;
import org.lightlyjava.dataset.ImageSource;
import org.lightlyjava.image.ImageDecoder;
import org.lightlyjava.pipeline.ImageLoader;
import org.lightlyjava.pipeline.Inputs;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.Outcome;
import org.lightlyjava.run.RunContext;
import org.lightlyjava.run.ToolException;
import org.lightlyjava.weights.WeightSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** lightly-train: self-supervised training on {@code input_dir} (reference §2.1). */
public final class TrainWorkflow {

    private static final Logger log = LoggerFactory.getLogger(TrainWorkflow.class);

    private TrainWorkflow() {}

    /** lightly-train: opens {@code input_dir}, trains on it, and closes it. */
    public static SimClrTrainer.Result run(RunContext ctx, String tool) {
        try (ImageSource source = Inputs.open(ctx.config())) {
            return run(ctx, source, tool);
        }
    }

    /** Trains on {@code source}, which the caller closes. */
    public static SimClrTrainer.Result run(RunContext ctx, ImageSource source, String tool) {
        Config config = ctx.config();
        TrainSettings settings = settings(ctx);
        warnAboutSettings(config, settings);
        SimClrTrainer trainer =
                new SimClrTrainer(
                        settings,
                        new ImageLoader(source, new ImageDecoder()),
                        ctx.progress(),
                        tool);
        try {
            SimClrTrainer.Result result = trainer.train(source.samples());
            ctx.out().println("Best model is stored at: " + result.bestCheckpoint());
            Outcome outcome = result.outcome().plus(new Outcome(0, source.rejected().size()));
            return new SimClrTrainer.Result(
                    result.bestCheckpoint(),
                    result.lastCheckpoint(),
                    result.epochLosses(),
                    outcome);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write checkpoints to " + settings.checkpointDir(), e);
        }
    }

    private static TrainSettings settings(RunContext ctx) {
        try {
            WeightSources.Weights initial =
                    ctx.config().isSet("trainer.resume_from_checkpoint")
                            ? WeightSources.Weights.RANDOM
                            : WeightSources.forTraining(ctx);
            return TrainSettings.from(
                    ctx.config(), Inputs.workers(ctx.config()), ctx.runDir(), initial);
        } catch (IllegalArgumentException e) {
            throw new ToolException(ExitCode.CONFIG, e.getMessage(), e);
        }
    }

    private static void warnAboutSettings(Config config, TrainSettings settings) {
        if (settings.batchSize() < 64) {
            log.warn(
                    "Training a self-supervised model with a small batch size: {}! Small batch size "
                            + "may harm embedding quality. You can specify the batch size via the loader "
                            + "key-word: loader.batch_size=BSZ",
                    settings.batchSize());
        }
        if (config.isSet("collate.kernel_size")) {
            log.warn(
                    "collate.kernel_size is legacy and ignored; the blur sigma is drawn from "
                            + "collate.sigmas={}",
                    config.numbers("collate.sigmas"));
        }
    }
}
