package org.lightlyjava.download;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lightlyjava.api.client.ApiException;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.client.RetryPolicy;
import org.lightlyjava.api.model.DatasetData;
import org.lightlyjava.config.Config;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.Outcome;
import org.lightlyjava.run.RunContext;
import org.lightlyjava.run.ToolException;
import org.lightlyjava.s3.S3Source;
import org.lightlyjava.upload.ApiEndpoint;
import org.lightlyjava.upload.Endpoints;

/**
 * lightly-download (reference §2.5): the file names of a tag into {@code <tag_name>.txt} in the run
 * folder; with {@code input_dir} and {@code output_dir} the files copied from the local folder;
 * with {@code output_dir} alone the full images downloaded from the server.
 */
public final class DownloadWorkflow {

    private DownloadWorkflow() {}

    public static Outcome run(RunContext ctx, String userAgent) {
        Config config = ctx.config();
        if (!config.isSet("dataset_id") || !config.isSet("tag_name")) {
            throw new ToolException(
                    ExitCode.CONFIG,
                    "Please specify all of the parameters tag_name, "
                            + "token and dataset_id. For help, try: lightly-download --help");
        }
        String datasetId = config.string("dataset_id");
        String tagName = config.string("tag_name");
        try (ApiEndpoint endpoint = Endpoints.open(config)) {
            LightlyClient client =
                    new LightlyClient(
                            endpoint.url(), endpoint.token(), RetryPolicy.configured(), userAgent);
            DatasetData dataset = dataset(client, datasetId);
            TagSelection selection =
                    TagSelection.of(client, datasetId, tagName, config.bool("exclude_parent_tag"));
            Path list = ctx.runDir().resolve(tagName + ".txt");
            Files.writeString(
                    list,
                    String.join("\n", selection.fileNames())
                            + (selection.fileNames().isEmpty() ? "" : "\n"),
                    StandardCharsets.UTF_8);
            ctx.out().println("The list of samples in tag " + tagName + " is stored at: " + list);
            if (!config.isSet("output_dir")) {
                return new Outcome(selection.fileNames().size(), 0);
            }
            Path output = config.path("output_dir");
            if (config.isSet("input_dir")) {
                if (S3Source.isS3(config.string("input_dir"))) {
                    throw new ToolException(
                            ExitCode.CONFIG,
                            "input_dir="
                                    + config.string("input_dir")
                                    + " is in S3: lightly-download copies from a local folder"
                                    + " only. Copy the tag's files with aws s3 cp using "
                                    + list
                                    + ", or leave input_dir out to download them through the"
                                    + " server.");
                }
                ctx.out()
                        .println(
                                "Copying files from "
                                        + config.path("input_dir")
                                        + " to "
                                        + output
                                        + ".");
                return FileCopies.copy(config.path("input_dir"), output, selection.fileNames());
            }
            if (!"full".equals(dataset.imgType())) {
                throw new ToolException(
                        ExitCode.CONFIG,
                        "Dataset with id "
                                + datasetId
                                + " has no "
                                + "downloadable images! (It was uploaded with upload="
                                + dataset.imgType()
                                + "; pass input_dir= to copy the files from a local folder instead.)");
            }
            int threads = threads(config);
            ctx.out()
                    .println(
                            "Downloading "
                                    + selection.fileNames().size()
                                    + " images (with "
                                    + threads
                                    + " workers):");
            return ImageDownloads.download(
                    client,
                    datasetId,
                    selection.indices(),
                    selection.fileNames(),
                    output,
                    threads,
                    ctx.progress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DatasetData dataset(LightlyClient client, String datasetId) {
        try {
            return client.dataset(datasetId);
        } catch (ApiException e) {
            if (e.isNotFound() || e.status() == 400) {
                throw new ToolException(
                        ExitCode.CONFIG, "dataset_id=" + datasetId + ": no such dataset", e);
            }
            throw e;
        }
    }

    private static int threads(Config config) {
        int workers = config.integer("loader.num_workers");
        int cores = Runtime.getRuntime().availableProcessors();
        return workers < 0 ? Math.min(32, Math.max(8, cores)) : Math.max(1, workers);
    }
}
