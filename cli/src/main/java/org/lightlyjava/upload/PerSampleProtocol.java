package org.lightlyjava.upload;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lightlyjava.api.client.ApiException;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.model.SampleCreateRequest;
import org.lightlyjava.api.model.SampleData;
import org.lightlyjava.api.model.SampleWriteUrls;
import org.lightlyjava.dataset.Sample;

/**
 * Lightly's own calls (reference §7.2), for servers without the batch route: create each sample,
 * then ask for its write URL(s). Samples are created one after another so the server's order is the
 * dataset's. Without a way to ask which blobs a server holds, a resumed upload sends the blobs of
 * every sample it finds again (a PUT to the same URL is harmless), so no sample is left without its
 * thumbnail (Lightly's issues 400 and 431).
 */
final class PerSampleProtocol implements Protocol {

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
        List<Created> out = new ArrayList<>(existing.size());
        for (Sample sample : existing) {
            out.add(urls(sample, idsByName.get(sample.fileName())));
        }
        return out;
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
