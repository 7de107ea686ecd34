package org.lightlyjava.embed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.lightlyjava.config.Config;
import org.lightlyjava.dataset.ImageSource;
import org.lightlyjava.dataset.Sample;
import org.lightlyjava.image.ImageDecoder;
import org.lightlyjava.image.Preprocess;
import org.lightlyjava.image.Resizer;
import org.lightlyjava.model.Embedder;
import org.lightlyjava.model.Embedders;
import org.lightlyjava.pipeline.ImageLoader;
import org.lightlyjava.pipeline.Inputs;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.Outcome;
import org.lightlyjava.run.RunContext;
import org.lightlyjava.run.ToolException;
import org.lightlyjava.weights.WeightSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * lightly-embed: every image of {@code input_dir} through the backbone into the run folder's {@code
 * embeddings.csv}, rows in dataset order (reference §2.2).
 */
public final class EmbedWorkflow {

    private static final Logger log = LoggerFactory.getLogger(EmbedWorkflow.class);

    private EmbedWorkflow() {}

    /**
     * What an embedding pass left behind.
     *
     * @param embeddings the CSV file
     * @param metadata the metadata.jsonl file, or {@code null} when not asked for
     * @param thumbnails the folder of thumbnails (exists only when they were asked for)
     * @param source the scanned input
     * @param embedded the samples embedded, in the CSV's order
     * @param outcome images embedded, and images refused or failed
     */
    public record Result(
            Path embeddings,
            Path metadata,
            Path thumbnails,
            ImageSource source,
            List<Sample> embedded,
            Outcome outcome) {}

    /**
     * What to make besides embeddings, for an upload that follows.
     *
     * @param metadata Lightly's per-image metadata and EXIF, into metadata.jsonl
     * @param thumbnails WebP thumbnails, into thumbnails/
     * @param resize Lightly's {@code resize=} for both
     */
    public record Extras(boolean metadata, boolean thumbnails, List<Double> resize) {
        public static final Extras NONE = new Extras(false, false, List.of());
    }

    /**
     * lightly-embed: opens {@code input_dir}, embeds it, and closes it (the result's source can
     * list its samples but no longer read them).
     */
    public static Result run(RunContext ctx) {
        return run(ctx, Extras.NONE);
    }

    /** Opens {@code input_dir}, embeds it making the {@code extras}, and closes it. */
    public static Result run(RunContext ctx, Extras extras) {
        try (ImageSource source = Inputs.open(ctx.config())) {
            return run(ctx, source, extras);
        }
    }

    /** Embeds {@code source} (which the caller closes), and makes the {@code extras}. */
    public static Result run(RunContext ctx, ImageSource source, Extras extras) {
        Config config = ctx.config();
        try (Embedder embedder = openEmbedder(ctx);
                EmbedOutputs outputs =
                        new EmbedOutputs(ctx.runDir(), embedder.dimension(), extras.metadata())) {
            EmbedPipeline.Settings settings =
                    new EmbedPipeline.Settings(
                            preprocess(config, embedder),
                            config.integer("loader.batch_size"),
                            Inputs.workers(config),
                            extras.metadata(),
                            extras.thumbnails(),
                            extras.resize());
            log.info(
                    "embedding {} images with {} ({}; {} decoding threads, batch {})",
                    source.samples().size(),
                    embedder.describe(),
                    settings.preprocess(),
                    settings.threads(),
                    settings.batchSize());
            EmbedPipeline pipeline =
                    new EmbedPipeline(
                            new ImageLoader(source, new ImageDecoder()),
                            embedder,
                            settings,
                            ctx.progress());
            long start = System.nanoTime();
            Outcome outcome =
                    pipeline.run(source.samples(), outputs)
                            .plus(new Outcome(0, source.rejected().size()));
            double seconds = (System.nanoTime() - start) / 1e9;
            log.debug(
                    "embedded {} images in {} s: {} img/s",
                    outcome.done(),
                    String.format("%.1f", seconds),
                    String.format("%.1f", outcome.done() / seconds));
            if (outcome.failed() > 0) {
                log.warn(
                        "{} of {} images could not be embedded; see {}",
                        outcome.failed(),
                        outcome.done() + outcome.failed(),
                        EmbedOutputs.FAILED);
            }
            ctx.out().println("Embeddings are stored at " + outputs.embeddingsFile());
            return new Result(
                    outputs.embeddingsFile(),
                    outputs.metadataFile(),
                    outputs.thumbnailDir(),
                    source,
                    outputs.embedded(),
                    outcome);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the run folder " + ctx.runDir(), e);
        }
    }

    /** The embedder of the run's weights; zoo weights that do not fit give random ones. */
    private static Embedder openEmbedder(RunContext ctx) {
        WeightSources.Weights weights = WeightSources.forEmbedding(ctx);
        try {
            return Embedders.open(ctx.config(), weights.file(), weights.key());
        } catch (ToolException e) {
            if (!weights.optional()) {
                throw e;
            }
            log.warn("{}; embedding with randomly initialised weights instead", e.getMessage());
            return Embedders.open(ctx.config(), null, weights.key());
        }
    }

    /**
     * The {@code embed.*} transform at {@code collate.input_size}, or at the model's own size when
     * it takes only one and the user did not ask for another.
     *
     * @throws ToolException when the model's size and {@code collate.input_size} disagree
     */
    static Preprocess preprocess(Config config, Embedder embedder) {
        int size = config.integer("collate.input_size");
        if (embedder.inputSize() > 0 && embedder.inputSize() != size) {
            if (!config.isDefault("collate.input_size")) {
                throw new ToolException(
                        ExitCode.CONFIG,
                        "collate.input_size="
                                + size
                                + ", but "
                                + embedder.describe()
                                + " takes "
                                + embedder.inputSize()
                                + "x"
                                + embedder.inputSize()
                                + " images only");
            }
            size = embedder.inputSize();
        }
        try {
            List<Double> mean = config.numbers("embed.mean");
            List<Double> std = config.numbers("embed.std");
            int resizeSize = config.integer("embed.resize_size");
            return new Preprocess(
                    config.string("embed.resize").equals("shorter_side")
                            ? Preprocess.Resize.SHORTER_SIDE
                            : Preprocess.Resize.SQUARE,
                    resizeSize > 0 ? resizeSize : size,
                    config.string("embed.interpolation").equals("bicubic")
                            ? Resizer.Filter.BICUBIC
                            : Resizer.Filter.BILINEAR,
                    size,
                    floats(mean, "embed.mean"),
                    floats(std, "embed.std"));
        } catch (IllegalArgumentException e) {
            throw new ToolException(ExitCode.CONFIG, e.getMessage(), e);
        }
    }

    private static float[] floats(List<Double> values, String key) {
        if (values.size() != 3) {
            throw new IllegalArgumentException(
                    key + " needs 3 values (red, green, blue), got " + values);
        }
        return new float[] {
            values.get(0).floatValue(), values.get(1).floatValue(), values.get(2).floatValue()
        };
    }
}
