package org.lightlyjava.upload;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.client.RetryPolicy;
import org.lightlyjava.api.embeddings.EmbeddingsCsv;
import org.lightlyjava.api.model.SampleUpdateRequest;
import org.lightlyjava.config.Config;
import org.lightlyjava.dataset.ImageSource;
import org.lightlyjava.dataset.Sample;
import org.lightlyjava.image.ImageDecoder;
import org.lightlyjava.pipeline.ImageLoader;
import org.lightlyjava.pipeline.Inputs;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.Outcome;
import org.lightlyjava.run.RunContext;
import org.lightlyjava.run.ToolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * lightly-upload (reference §2.3) and the upload stage of lightly-magic: images and their metadata
 * (from {@code input_dir}), then the embeddings CSV, then custom metadata alone.
 */
public final class UploadWorkflow {

    private static final Logger log = LoggerFactory.getLogger(UploadWorkflow.class);

    private UploadWorkflow() {}

    /** What lightly-magic's embedding pass leaves for the upload, so nothing is decoded twice. */
    public record Embedded(
            ImageSource source,
            List<Sample> samples,
            Path metadata,
            Path thumbnails,
            Path embeddings) {}

    /** lightly-upload: everything from the configuration. */
    public static Outcome run(RunContext ctx, String userAgent) {
        Config config = ctx.config();
        UploadSettings settings = settings(config);
        EmbeddingsCsv.Table embeddings =
                settings.embeddings() == null ? null : EmbeddingsUpload.read(settings.embeddings());
        ImageSource source = config.isSet("input_dir") ? Inputs.open(config) : null;
        try {
            return run(ctx, settings, embeddings, source, userAgent);
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
            ImageSource source,
            String userAgent) {
        if (embeddings != null && source != null) {
            EmbeddingsUpload.checkNames(
                    embeddings,
                    source.samples().stream().map(Sample::fileName).toList(),
                    "in input_dir");
        }
        try (ApiEndpoint endpoint = Endpoints.open(ctx.config())) {
            Session session = new Session(ctx, settings, endpoint, userAgent, "USER_PIP");
            Outcome outcome = Outcome.EMPTY;
            if (source != null) {
                Preparer preparer =
                        new DecodingPreparer(
                                new ImageLoader(source, new ImageDecoder()),
                                settings.mode(),
                                settings.resize());
                outcome =
                        session.samples(source, source.samples(), preparer)
                                .plus(new Outcome(0, source.rejected().size()));
            }
            if (embeddings != null) {
                session.embeddings(embeddings, settings.embeddings());
            }
            if (source == null && settings.customMetadata() != null) {
                outcome = outcome.plus(session.customMetadataOnly());
            }
            session.finish();
            return outcome;
        }
    }

    /** The upload stage of lightly-magic, fed by its embedding pass. */
    public static Outcome afterEmbedding(RunContext ctx, Embedded embedded, String userAgent) {
        UploadSettings settings = settings(ctx.config());
        EmbeddingsCsv.Table embeddings = EmbeddingsUpload.read(embedded.embeddings());
        try (ApiEndpoint endpoint = Endpoints.open(ctx.config());
                RunFolderPreparer preparer =
                        RunFolderPreparer.open(
                                embedded.metadata(), embedded.thumbnails(), settings.mode())) {
            Session session =
                    new Session(ctx, settings, endpoint, userAgent, "USER_PIP_LIGHTLY_MAGIC");
            Outcome outcome = session.samples(embedded.source(), embedded.samples(), preparer);
            session.embeddings(embeddings, embedded.embeddings());
            session.finish();
            return outcome;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run folder " + ctx.runDir(), e);
        }
    }

    private static UploadSettings settings(Config config) {
        try {
            return UploadSettings.from(config);
        } catch (IllegalArgumentException e) {
            throw new ToolException(ExitCode.CONFIG, e.getMessage(), e);
        }
    }

    /** One upload to one dataset. */
    private static final class Session {

        private final RunContext ctx;
        private final UploadSettings settings;
        private final ApiEndpoint endpoint;
        private final LightlyClient client;
        private final DatasetTarget.Resolved dataset;
        private final String creator;

        Session(
                RunContext ctx,
                UploadSettings settings,
                ApiEndpoint endpoint,
                String userAgent,
                String creator) {
            this.ctx = ctx;
            this.settings = settings;
            this.endpoint = endpoint;
            this.creator = creator;
            this.client =
                    new LightlyClient(
                            endpoint.url(), endpoint.token(), RetryPolicy.configured(), userAgent);
            this.dataset = DatasetTarget.resolve(client, settings, creator);
        }

        Outcome samples(ImageSource source, List<Sample> samples, Preparer preparer) {
            Map<String, JsonNode> custom =
                    settings.customMetadata() == null
                            ? Map.of()
                            : CustomMetadata.load(settings.customMetadata());
            Outcome outcome =
                    new Upload(client, dataset.id(), settings, creator, ctx.progress())
                            .samples(source, samples, preparer, custom);
            ctx.out().println("Finished the upload of the dataset.");
            return outcome;
        }

        void embeddings(EmbeddingsCsv.Table table, Path file) {
            ctx.out().println("Starting upload of embeddings.");
            EmbeddingsUpload.upload(
                    client, dataset.id(), table, file, settings.embeddingName(), settings.append());
            ctx.out().println("Finished upload of embeddings.");
        }

        /** {@code custom_metadata} without {@code input_dir}: update the samples on the server. */
        Outcome customMetadataOnly() {
            Map<String, JsonNode> custom = CustomMetadata.load(settings.customMetadata());
            Map<String, String> ids = ServerSamples.list(client, dataset.id());
            long failed = 0;
            for (Map.Entry<String, JsonNode> entry : custom.entrySet()) {
                String id = ids.get(entry.getKey());
                if (id == null) {
                    log.warn(
                            "The custom metadata file has an entry for {}, but a sample with this "
                                    + "filename does not exist on the server; skipped.",
                            entry.getKey());
                    failed++;
                    continue;
                }
                client.updateSample(
                        dataset.id(), id, SampleUpdateRequest.customMetaData(entry.getValue()));
            }
            return new Outcome(custom.size() - failed, failed);
        }

        void finish() {
            if (dataset.created()) {
                ctx.out().println("The dataset_id of the newly created dataset is " + dataset.id());
            }
            String hint = endpoint.browseHint();
            if (!hint.isEmpty()) {
                ctx.out().println(hint);
            }
        }
    }
}
