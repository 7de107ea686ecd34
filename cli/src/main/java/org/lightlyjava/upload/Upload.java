package org.lightlyjava.upload;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lightlyjava.api.BitMask;
import org.lightlyjava.api.client.ApiException;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.model.InitialTagCreateRequest;
import org.lightlyjava.api.model.JobStatusMeta;
import org.lightlyjava.api.model.ServerInfo;
import org.lightlyjava.api.model.TagData;
import org.lightlyjava.api.model.TagUpsizeRequest;
import org.lightlyjava.dataset.ImageSource;
import org.lightlyjava.dataset.Sample;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.Progress;
import org.lightlyjava.run.ToolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample part of an upload to one dataset (reference §7): skip what the server has, create the
 * rest in dataset order, upload their blobs, repair blobs missing from an interrupted run, then
 * create the initial tag (or upsize the tags when appending). Each step is safe to repeat, so
 * running the same upload again after a crash at any point ends in the state an uninterrupted run
 * reaches.
 */
final class Upload {

    private static final Logger log = LoggerFactory.getLogger(Upload.class);
    static final String INITIAL_TAG = "initial-tag";

    private final LightlyClient client;
    private final String datasetId;
    private final UploadSettings settings;
    private final String creator;
    private final Progress.Factory progress;

    Upload(
            LightlyClient client,
            String datasetId,
            UploadSettings settings,
            String creator,
            Progress.Factory progress) {
        this.client = client;
        this.datasetId = datasetId;
        this.settings = settings;
        this.creator = creator;
        this.progress = progress;
    }

    /**
     * Uploads {@code samples} (in dataset order) from {@code source}. Images that cannot be read
     * are named and left out; the initial tag then covers the others. Only samples whose blobs did
     * not arrive keep the tag from being created (a rerun sends them).
     *
     * @throws org.lightlyjava.api.client.ApiException when the server cannot be reached
     */
    SampleUploader.Sent samples(
            ImageSource source,
            List<Sample> samples,
            Preparer preparer,
            Map<String, JsonNode> custom) {
        Map<String, String> onServer = ServerSamples.list(client, datasetId);
        List<TagData> tags = client.tags(datasetId);
        List<Sample> fresh = new ArrayList<>();
        List<Sample> existing = new ArrayList<>();
        for (Sample sample : samples) {
            (onServer.containsKey(sample.fileName()) ? existing : fresh).add(sample);
        }
        if (!tags.isEmpty() && !settings.append() && !fresh.isEmpty()) {
            throw new ToolException(
                    ExitCode.CONFIG,
                    "The dataset you specified already has samples. "
                            + "If you want to add additional samples, you need to specify append=True as CLI "
                            + "argument. ("
                            + fresh.size()
                            + " local images are not on the server.)");
        }
        checkQuota(onServer.keySet(), samples);
        DatasourceCheck.run(client, datasetId, settings.mode(), samples, settings.validate());
        log.info(
                "Uploading {} images (with {} workers); {} already on the server.",
                fresh.size(),
                settings.threads(),
                existing.size());
        register(onServer.size() + fresh.size(), existing.size());
        SampleUploader uploader =
                new SampleUploader(
                        client,
                        protocol(),
                        preparer,
                        source,
                        custom,
                        settings.prepareThreads(),
                        settings.threads(),
                        progress);
        SampleUploader.Sent repaired =
                tags.isEmpty() || settings.append()
                        ? uploader.repair(existing, onServer)
                        : new SampleUploader.Sent(existing.size(), 0, 0);
        long start = System.nanoTime();
        SampleUploader.Sent uploaded = uploader.uploadNew(fresh);
        double seconds = (System.nanoTime() - start) / 1e9;
        log.info(
                "uploaded {} samples in {} s: {} samples/s",
                uploaded.done(),
                String.format("%.1f", seconds),
                String.format("%.0f", uploaded.done() / seconds));
        SampleUploader.Sent total =
                new SampleUploader.Sent(
                        uploaded.done(),
                        uploaded.unreadable(),
                        uploaded.unsent() + repaired.unsent());
        if (total.unsent() == 0) {
            if (onServer.size() + uploaded.done() > 0) {
                tag();
            }
        } else {
            log.warn(
                    "{} images did not reach the server; the initial tag is not created yet. Run the "
                            + "same command again to finish the upload.",
                    total.unsent());
        }
        return total;
    }

    /**
     * The batch route when the server offers it, else Lightly's calls; the system property {@code
     * lightly.upload.batch=false} forces Lightly's calls (for comparison, or a misbehaving proxy).
     */
    private Protocol protocol() {
        boolean allowed = Boolean.parseBoolean(System.getProperty("lightly.upload.batch", "true"));
        ServerInfo info = allowed ? client.info() : null;
        if (info != null && info.has(ServerInfo.SAMPLES_BATCH)) {
            return new BatchProtocol(client, datasetId, settings.mode());
        }
        log.info(
                "Using Lightly's per-sample calls (the server has no batch upload, or it is off).");
        return new PerSampleProtocol(client, datasetId, settings.mode());
    }

    private void checkQuota(Set<String> onServer, List<Sample> samples) {
        Set<String> union = new HashSet<>(onServer);
        samples.forEach(s -> union.add(s.fileName()));
        long quota = client.quota();
        if (union.size() > quota) {
            throw new ToolException(
                    ExitCode.CONFIG,
                    "Your dataset has "
                            + union.size()
                            + " samples which is more than the allowed maximum of "
                            + quota);
        }
    }

    private void register(long total, long processed) {
        try {
            client.registerDatasetUpload(
                    datasetId, new JobStatusMeta(total, processed, "USER_PIP", true));
        } catch (ApiException e) {
            log.debug(
                    "registerDatasetUpload failed (ignored, as Lightly's client does): {}",
                    e.getMessage());
        }
    }

    /**
     * Creates the initial tag, or, when it exists but covers fewer samples than the dataset has
     * (appended samples, possibly by a run that stopped before this step, or samples another client
     * created while this one uploaded), upsizes the tags. The tags are read now, not at the start:
     * another client may have created the initial tag meanwhile, over part of the samples.
     */
    private void tag() {
        TagData initial = initialTag();
        if (initial == null) {
            try {
                client.createInitialTag(
                        datasetId,
                        new InitialTagCreateRequest(
                                INITIAL_TAG, creator, settings.mode().imgType(), null));
                return;
            } catch (ApiException e) {
                if (!e.isConflict()) {
                    throw e;
                }
                // created by a retry whose first answer was lost, or by another client uploading
                // into this dataset: it may cover fewer samples than there are now
                initial = initialTag();
                if (initial == null) {
                    throw e;
                }
            }
        }
        long samples = client.dataset(datasetId).nSamples();
        if (BitMask.parse(initial.bitMaskData()).count() < samples) {
            String name =
                    LocalDateTime.now()
                            .format(DateTimeFormatter.ofPattern("yyyyMMdd_HH'h'mm'm'ss's'"));
            try {
                client.upsizeTags(datasetId, new TagUpsizeRequest(name, creator, null));
            } catch (ApiException e) {
                if (!e.isConflict()) {
                    throw e;
                }
                // another client upsized in the same second; one more try under a unique name
                client.upsizeTags(
                        datasetId,
                        new TagUpsizeRequest(name + "_" + System.nanoTime(), creator, null));
            }
        }
    }

    private TagData initialTag() {
        return client.tags(datasetId).stream()
                .filter(t -> t.name().equals(INITIAL_TAG))
                .findFirst()
                .orElse(null);
    }
}
