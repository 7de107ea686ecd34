package org.lightlyjava.upload;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.lightlyjava.api.client.ApiException;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.model.SampleCreateRequest;
import org.lightlyjava.api.model.SampleData;
import org.lightlyjava.api.model.SampleWriteUrls;
import org.lightlyjava.dataset.Sample;

/**
 * Lightly's own calls (reference §7.2), for servers without the batch route: create each sample,
 * then ask for its write URL(s). Samples are created one after another so the server's order is the
 * dataset's. A resumed upload asks for each existing sample's read URL and probes it (a GET of the
 * first byte; 404 means missing), then sends exactly the blobs that are missing, so no sample is
 * left without its thumbnail (Lightly's issues 400 and 431) and none is sent twice.
 */
final class PerSampleProtocol implements Protocol {

    private static final int PROBES = 8;

    private final LightlyClient client;
    private final String datasetId;
    private final UploadMode mode;

    PerSampleProtocol(LightlyClient client, String datasetId, UploadMode mode) {
        this.client = client;
        this.datasetId = datasetId;
        this.mode = mode;
    }

    @Override
    public int chunkSize() {
        return 16;
    }

    @Override
    public List<Created> create(List<PreparedSample> chunk, Map<String, JsonNode> custom) {
        List<Created> out = new ArrayList<>(chunk.size());
        for (PreparedSample p : chunk) {
            String name = p.sample().fileName();
            String thumbName = mode.thumbnails() ? UploadMode.thumbName(name) : null;
            String id =
                    createOrFind(
                            new SampleCreateRequest(
                                    name, thumbName, p.exif(), p.metaData(), custom.get(name)));
            out.add(urls(p.sample(), id));
        }
        return out;
    }

    @Override
    public List<Created> missingBlobs(List<Sample> existing, Map<String, String> idsByName) {
        if (!mode.thumbnails()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(PROBES);
        try {
            List<Future<Created>> probes = new ArrayList<>(existing.size());
            for (Sample sample : existing) {
                probes.add(pool.submit(() -> missing(sample, idsByName.get(sample.fileName()))));
            }
            List<Created> out = new ArrayList<>();
            for (Future<Created> probe : probes) {
                Created created = probe.get();
                if (created != null) {
                    out.add(created);
                }
            }
            return out;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r
                    ? r
                    : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted while checking the samples' blobs", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The uploads {@code sample} still needs, or null when the server holds its blobs. */
    private Created missing(Sample sample, String id) {
        boolean thumb = !holds(id, "thumbnail", sample);
        boolean full = mode == UploadMode.FULL && !holds(id, "full", sample);
        if (!thumb && !full) {
            return null;
        }
        Created urls = urls(sample, id);
        return new Created(
                sample, id, thumb ? urls.thumbUrl() : null, full ? urls.fullUrl() : null);
    }

    private boolean holds(String id, String type, Sample sample) {
        String what = type + " of " + sample.fileName();
        try {
            return client.exists(client.readUrl(datasetId, id, type), what);
        } catch (ApiException e) {
            if (e.isNotFound()) {
                return false;
            }
            throw e;
        }
    }

    private String createOrFind(SampleCreateRequest request) {
        try {
            return client.createSample(datasetId, request);
        } catch (ApiException e) {
            if (!e.isConflict()) {
                throw e;
            }
            // A retried create whose first answer was lost: the sample is there already.
            List<SampleData> found = client.samplesNamed(datasetId, request.fileName());
            if (found.isEmpty()) {
                throw e;
            }
            return found.get(0).id();
        }
    }

    private Created urls(Sample sample, String id) {
        return switch (mode) {
            case METADATA -> new Created(sample, id, null, null);
            case THUMBNAILS -> new Created(sample, id, client.writeUrl(datasetId, id, true), null);
            case FULL -> {
                SampleWriteUrls urls = client.writeUrls(datasetId, id);
                yield new Created(sample, id, urls.thumb(), urls.full());
            }
        };
    }
}
