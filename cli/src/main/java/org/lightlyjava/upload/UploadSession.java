package org.lightlyjava.upload;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.lightlyjava.api.client.ApiException;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.client.RetryPolicy;
import org.lightlyjava.api.embeddings.EmbeddingsCsv;
import org.lightlyjava.api.model.SampleUpdateRequest;
import org.lightlyjava.dataset.ImageSource;
import org.lightlyjava.dataset.Sample;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.Outcome;
import org.lightlyjava.run.RunContext;
import org.lightlyjava.run.ToolException;

/**
 * One upload to one dataset, and what it tells the user: whether the upload finished, and if not,
 * how many images are missing and why, in counts that add up to the run's failures.
 *
 * <p>A server that cannot be reached (every try of one request failed to connect) ends the upload
 * at once: before the dataset is known as a configuration error, afterwards as an incomplete upload
 * (exit code 1) that the same command finishes.
 */
final class UploadSession {

    private final RunContext ctx;
    private final UploadSettings settings;
    private final ApiEndpoint endpoint;
    private final LightlyClient client;
    private final DatasetTarget.Resolved dataset;
    private final String creator;

    UploadSession(
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
        try {
            this.dataset = DatasetTarget.resolve(client, settings, creator);
        } catch (ApiException e) {
            if (e.isUnreachable()) {
                throw new ToolException(
                        ExitCode.CONFIG,
                        "The server at "
                                + endpoint.url()
                                + " cannot be reached ("
                                + e.getMessage()
                                + "). Check server_location and that the server is running.",
                        e);
            }
            throw e;
        }
    }

    /**
     * Uploads {@code samples} and says whether the upload finished.
     *
     * @param unreadable images already left out because they cannot be read (named before)
     */
    SampleUploader.Sent samples(
            ImageSource source,
            List<Sample> samples,
            Preparer preparer,
            Map<String, JsonNode> custom,
            long unreadable) {
        SampleUploader.Sent sent =
                guarded(
                        () ->
                                new Upload(client, dataset.id(), settings, creator, ctx.progress())
                                        .samples(source, samples, preparer, custom));
        long notRead = unreadable + sent.unreadable();
        long total = samples.size() + unreadable;
        if (sent.unsent() > 0) {
            ctx.out()
                    .println(
                            "The upload is incomplete: "
                                    + (sent.unsent() + notRead)
                                    + " of "
                                    + total
                                    + " images are not on the server: "
                                    + sent.unsent()
                                    + " did not reach it"
                                    + (notRead > 0 ? ", " + notRead + " could not be read" : "")
                                    + " (each is named above). Run the same command again to send"
                                    + " the images that did not reach the server.");
        } else if (notRead > 0) {
            ctx.out()
                    .println(
                            "Finished the upload of the dataset without "
                                    + notRead
                                    + " of "
                                    + total
                                    + " images, which could not be read (each is named above)."
                                    + " Fix them and run again with append=True to add them.");
        } else {
            ctx.out().println("Finished the upload of the dataset.");
        }
        return sent;
    }

    /**
     * Uploads the embeddings CSV, when the samples are complete (the CSV must match the server's
     * samples).
     */
    void embeddings(EmbeddingsCsv.Table table, Path file, boolean samplesComplete) {
        if (!samplesComplete) {
            ctx.out()
                    .println(
                            "The embeddings are uploaded once every image is on the server (run"
                                    + " the same command again).");
            return;
        }
        ctx.out().println("Starting upload of embeddings.");
        guarded(
                () ->
                        EmbeddingsUpload.upload(
                                client,
                                dataset.id(),
                                table,
                                file,
                                settings.embeddingName(),
                                settings.append()));
        ctx.out().println("Finished upload of embeddings.");
    }

    /** {@code custom_metadata} without {@code input_dir}: update the samples on the server. */
    Outcome customMetadataOnly(Map<String, JsonNode> custom) {
        return guarded(
                () -> {
                    Map<String, String> ids = ServerSamples.list(client, dataset.id());
                    long unknown =
                            CustomMetadata.unknown(custom, ids.keySet(), "on the server").size();
                    for (Map.Entry<String, JsonNode> entry : custom.entrySet()) {
                        String id = ids.get(entry.getKey());
                        if (id != null) {
                            client.updateSample(
                                    dataset.id(),
                                    id,
                                    SampleUpdateRequest.customMetaData(entry.getValue()));
                        }
                    }
                    return new Outcome(custom.size() - unknown, unknown);
                });
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

    /** Runs a step; a server that cannot be reached ends the run as an incomplete upload. */
    private <T> T guarded(Supplier<T> step) {
        try {
            return step.get();
        } catch (ApiException e) {
            if (!e.isUnreachable()) {
                throw e;
            }
            throw new ToolException(
                    ExitCode.PARTIAL,
                    "The upload is incomplete: the server at "
                            + endpoint.url()
                            + " cannot be reached ("
                            + e.getMessage()
                            + "). Nothing is lost: run the same command again once the server is"
                            + " back, and the upload continues where it stopped.",
                    e);
        }
    }
}
