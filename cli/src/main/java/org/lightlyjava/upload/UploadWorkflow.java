package org.lightlyjava.upload;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLContext;
import org.lightlyjava.api.embeddings.EmbeddingsCsv;
import org.lightlyjava.config.Config;
import org.lightlyjava.dataset.ImageSource;
import org.lightlyjava.dataset.Sample;
import org.lightlyjava.image.ImageDecoder;
import org.lightlyjava.pipeline.ImageLoader;
import org.lightlyjava.pipeline.Inputs;
import org.lightlyjava.pipeline.Loaded;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.Outcome;
import org.lightlyjava.run.RunContext;
import org.lightlyjava.run.ToolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * lightly-upload (reference §2.3) and the upload stage of lightly-magic: images and their metadata
 * (from {@code input_dir}), then the embeddings CSV, then custom metadata alone.
 *
 * <p>Everything the user hands in (embeddings, custom metadata, the dataset name) is checked before
 * the dataset is created. Images that cannot be read are named and left out; the rest is uploaded
 * with its initial tag, and the run ends with exit code 1. An upload that ends with images missing
 * on the server says so, uploads no embeddings, and ends with exit code 1; the same command run
 * again finishes it.
 */
public final class UploadWorkflow {

    private static final Logger log = LoggerFactory.getLogger(UploadWorkflow.class);

    private UploadWorkflow() {}

    /**
     * What lightly-magic's embedding pass leaves for the upload, so nothing is decoded twice.
     *
     * @param unreadable images the embedding pass could not read or refused (already named)
     */
    public record Embedded(
            ImageSource source,
            List<Sample> samples,
            Path metadata,
            Path thumbnails,
            Path embeddings,
            long unreadable) {}

    /** lightly-upload: everything from the configuration. */
    public static Outcome run(RunContext ctx, String userAgent) {
        warmUpTls();
        Config config = ctx.config();
        UploadSettings settings = settings(config);
        EmbeddingsCsv.Table embeddings =
                settings.embeddings() == null ? null : EmbeddingsUpload.read(settings.embeddings());
        Map<String, JsonNode> custom =
                settings.customMetadata() == null
                        ? null
                        : CustomMetadata.load(settings.customMetadata());
        ImageSource source = config.isSet("input_dir") ? Inputs.open(config) : null;
        try {
            return run(ctx, settings, embeddings, custom, source, userAgent);
        } finally {
            if (source != null) {
                source.close();
            }
        }
    }

    private static Outcome run(
            RunContext ctx,
            UploadSettings settings,
            EmbeddingsCsv.Table embeddings,
            Map<String, JsonNode> custom,
            ImageSource source,
            String userAgent) {
        List<Sample> samples = source == null ? List.of() : source.samples();
        long unreadable = source == null ? 0 : source.rejected().size();
        ImageLoader loader = source == null ? null : new ImageLoader(source, new ImageDecoder());
        if (embeddings != null && source != null) {
            List<Sample> withoutRow =
                    EmbeddingsUpload.checkAgainstFolder(
                            embeddings, samples, s -> problem(loader, s));
            unreadable += withoutRow.size();
            samples = without(samples, withoutRow);
        }
        if (custom != null && source != null) {
            CustomMetadata.unknown(
                    custom, samples.stream().map(Sample::fileName).toList(), "in input_dir");
        }
        try (ApiEndpoint endpoint = Endpoints.open(ctx.config())) {
            UploadSession session =
                    new UploadSession(ctx, settings, endpoint, userAgent, "USER_PIP");
            Outcome outcome = Outcome.EMPTY;
            boolean complete = true;
            if (source != null) {
                Preparer preparer =
                        new DecodingPreparer(loader, settings.mode(), settings.resize());
                SampleUploader.Sent sent =
                        session.samples(
                                source,
                                samples,
                                preparer,
                                custom == null ? Map.of() : custom,
                                unreadable);
                outcome = new Outcome(sent.done(), sent.unreadable() + sent.unsent() + unreadable);
                complete = sent.unsent() == 0;
            }
            if (embeddings != null) {
                session.embeddings(embeddings, settings.embeddings(), complete);
            }
            if (source == null && custom != null) {
                outcome = outcome.plus(session.customMetadataOnly(custom));
            }
            session.finish();
            return outcome;
        }
    }

    /**
     * The upload stage of lightly-magic, fed by its embedding pass.
     *
     * @return the samples uploaded, and those that did not reach the server as failed (the images
     *     the embedding pass could not read are counted by its own outcome)
     */
    public static Outcome afterEmbedding(RunContext ctx, Embedded embedded, String userAgent) {
        long start = System.nanoTime();
        warmUpTls();
        UploadSettings settings = settings(ctx.config());
        // the CSV is checked on a thread of its own while this one indexes metadata.jsonl (a cold
        // JVM spends most of either loading and compiling code); both end before the dataset is
        // created
        CompletableFuture<EmbeddingsCsv.Table> reading =
                CompletableFuture.supplyAsync(
                        () -> EmbeddingsUpload.read(embedded.embeddings()),
                        task -> daemon("embeddings-check", task));
        try (RunFolderPreparer preparer = openRunFolder(embedded, settings, reading)) {
            EmbeddingsCsv.Table embeddings = joined(reading);
            log.debug("embeddings.csv checked, metadata.jsonl indexed: {} ms", millisSince(start));
            Map<String, JsonNode> custom =
                    settings.customMetadata() == null
                            ? Map.of()
                            : CustomMetadata.load(settings.customMetadata());
            if (!custom.isEmpty()) {
                CustomMetadata.unknown(
                        custom,
                        embedded.samples().stream().map(Sample::fileName).toList(),
                        "among the embedded images");
            }
            try (ApiEndpoint endpoint = Endpoints.open(ctx.config())) {
                UploadSession session =
                        new UploadSession(
                                ctx, settings, endpoint, userAgent, "USER_PIP_LIGHTLY_MAGIC");
                log.debug("dataset found or created: {} ms since the start", millisSince(start));
                SampleUploader.Sent sent =
                        session.samples(
                                embedded.source(),
                                embedded.samples(),
                                preparer,
                                custom,
                                embedded.unreadable());
                log.debug("samples uploaded: {} ms since the start", millisSince(start));
                session.embeddings(embeddings, embedded.embeddings(), sent.unsent() == 0);
                log.debug("embeddings uploaded: {} ms since the start", millisSince(start));
                session.finish();
                return new Outcome(sent.done(), sent.unreadable() + sent.unsent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run folder " + ctx.runDir(), e);
        }
    }

    /** The run folder's metadata; a broken embeddings CSV is reported first, as before. */
    private static RunFolderPreparer openRunFolder(
            Embedded embedded, UploadSettings settings, CompletableFuture<?> reading)
            throws IOException {
        try {
            return RunFolderPreparer.open(
                    embedded.metadata(), embedded.thumbnails(), settings.mode());
        } catch (IOException | RuntimeException e) {
            joined(reading);
            throw e;
        }
    }

    /** The future's value; what it failed with is thrown as it is. */
    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Loads the JVM's default TLS context on a daemon thread while this one reads the run's files:
     * the HTTP client loads it when it is built (even for http:// servers), and in a cold JVM that
     * takes a few hundred milliseconds.
     */
    private static void warmUpTls() {
        daemon(
                "tls-warm-up",
                () -> {
                    try {
                        SSLContext.getDefault();
                    } catch (NoSuchAlgorithmException e) {
                        log.debug("no default TLS context: {}", e.toString());
                    }
                });
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static UploadSettings settings(Config config) {
        try {
            return UploadSettings.from(config);
        } catch (IllegalArgumentException e) {
            throw new ToolException(ExitCode.CONFIG, e.getMessage(), e);
        }
    }

    /** Why a sample cannot be read or decoded, or null when it can. */
    private static String problem(ImageLoader loader, Sample sample) {
        Loaded loaded = loader.load(sample);
        return loaded.ok() ? null : loaded.error();
    }

    private static List<Sample> without(List<Sample> samples, List<Sample> left) {
        if (left.isEmpty()) {
            return samples;
        }
        Set<Sample> out = new HashSet<>(left);
        List<Sample> kept = new ArrayList<>(samples.size() - left.size());
        for (Sample sample : samples) {
            if (!out.contains(sample)) {
                kept.add(sample);
            }
        }
        return kept;
    }
}
