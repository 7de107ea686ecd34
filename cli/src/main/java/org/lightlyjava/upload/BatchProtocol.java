package org.lightlyjava.upload;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.model.SampleBatchRequest;
import org.lightlyjava.api.model.SampleBatchResponse;
import org.lightlyjava.api.model.SampleCreateRequest;
import org.lightlyjava.dataset.Sample;

/**
 * lightly-java's {@code POST .../samples/batch}: up to 1000 samples and their write URLs in one
 * request, idempotent by file name, URLs only for blobs the server does not hold yet. A request
 * re-sent after a crash therefore creates nothing twice and uploads exactly what is missing.
 */
final class BatchProtocol implements Protocol {

    private static final int CHUNK = SampleBatchRequest.MAX_SAMPLES;

    private final LightlyClient client;
    private final String datasetId;
    private final UploadMode mode;

    BatchProtocol(LightlyClient client, String datasetId, UploadMode mode) {
        this.client = client;
        this.datasetId = datasetId;
        this.mode = mode;
    }

    @Override
    public int chunkSize() {
        return CHUNK;
    }

    @Override
    public List<Created> create(List<PreparedSample> chunk, Map<String, JsonNode> custom) {
        List<SampleCreateRequest> requests = new ArrayList<>(chunk.size());
        List<Sample> samples = new ArrayList<>(chunk.size());
        for (PreparedSample p : chunk) {
            String name = p.sample().fileName();
            requests.add(
                    new SampleCreateRequest(
                            name, thumbName(name), p.exif(), p.metaData(), custom.get(name)));
            samples.add(p.sample());
        }
        return send(requests, samples);
    }

    @Override
    public List<Created> missingBlobs(List<Sample> existing, Map<String, String> idsByName) {
        if (!mode.thumbnails()) {
            return List.of();
        }
        List<SampleCreateRequest> requests = new ArrayList<>(existing.size());
        for (Sample sample : existing) {
            String name = sample.fileName();
            requests.add(new SampleCreateRequest(name, thumbName(name), null, null, null));
        }
        return send(requests, existing).stream().filter(Created::needsBlobs).toList();
    }

    private List<Created> send(List<SampleCreateRequest> requests, List<Sample> samples) {
        SampleBatchResponse response =
                client.createSamples(datasetId, new SampleBatchRequest(requests, mode.writeUrls()));
        if (response.samples().size() != samples.size()) {
            throw new IllegalStateException(
                    "the server answered "
                            + response.samples().size()
                            + " items for a batch of "
                            + samples.size());
        }
        List<Created> out = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            SampleBatchResponse.Item item = response.samples().get(i);
            out.add(
                    new Created(
                            samples.get(i), item.id(), item.thumbWriteUrl(), item.fullWriteUrl()));
        }
        return out;
    }

    private String thumbName(String fileName) {
        return mode.thumbnails() ? UploadMode.thumbName(fileName) : null;
    }
}
