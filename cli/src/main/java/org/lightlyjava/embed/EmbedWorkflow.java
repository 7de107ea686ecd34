package org.lightlyjava.embed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.lightlyjava.config.Config;
import org.lightlyjava.dataset.ImageSource;
import org.lightlyjava.image.ImageDecoder;
import org.lightlyjava.model.Embedder;
import org.lightlyjava.model.Embedders;
import org.lightlyjava.pipeline.ImageLoader;
import org.lightlyjava.pipeline.Inputs;
import org.lightlyjava.run.Outcome;
import org.lightlyjava.run.RunContext;
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
     * @param outcome images embedded, and images refused or failed
     */
    public record Result(Path embeddings, Path metadata, Outcome outcome) {}

    /**
     * Embeds the dataset.
     *
     * @param withMetadata also write Lightly's per-image metadata and EXIF to metadata.jsonl
     */
    public static Result run(RunContext ctx, boolean withMetadata) {
        Config config = ctx.config();
        ImageSource source = Inputs.open(config);
        EmbedPipeline.Settings settings =
                new EmbedPipeline.Settings(
                        config.integer("collate.input_size"),
                        config.integer("loader.batch_size"),
                        Inputs.workers(config),
                        withMetadata);
        try (Embedder embedder = Embedders.open(config);
                EmbedOutputs outputs =
                        new EmbedOutputs(ctx.runDir(), embedder.dimension(), withMetadata)) {
            log.info(
                    "embedding {} images with {} ({} decoding threads, batch {})",
                    source.samples().size(),
                    embedder.describe(),
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
            log.info(
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
            return new Result(outputs.embeddingsFile(), outputs.metadataFile(), outcome);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the run folder " + ctx.runDir(), e);
        }
    }
}
