package org.lightlyjava.server.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.lightlyjava.api.model.SampleBatchRequest;
import org.lightlyjava.api.model.SampleBatchResponse;
import org.lightlyjava.api.model.SampleCreateRequest;
import org.lightlyjava.api.model.SampleUpdateRequest;
import org.lightlyjava.server.store.BatchItem;
import org.lightlyjava.server.store.CapacityException;
import org.lightlyjava.server.store.DatasetRecord;
import org.lightlyjava.server.store.DuplicateException;
import org.lightlyjava.server.store.MissingException;
import org.lightlyjava.server.store.NewSample;
import org.lightlyjava.server.store.SampleChange;
import org.lightlyjava.server.store.SamplePage;
import org.lightlyjava.server.store.SampleQuery;
import org.lightlyjava.server.store.SampleRecord;
import org.lightlyjava.server.store.SampleStore;

/** The samples of a dataset: creation (one or a batch), listing, updates. */
public final class SampleService {

    private static final Set<String> WRITE_URLS = Set.of("none", "thumbnail", "full");

    private final SampleStore store;
    private final SampleUrls urls;
    private final Ids ids;
    private final Clock clock;
    private final long maxSamples;

    SampleService(SampleStore store, SampleUrls urls, Ids ids, Clock clock, long maxSamples) {
        this.store = store;
        this.urls = urls;
        this.ids = ids;
        this.clock = clock;
        this.maxSamples = maxSamples;
    }

    /**
     * Creates one sample.
     *
     * @throws ApiProblem 409 {@code SAMPLE_FILENAME_EXISTS} when the dataset has that file name
     */
    public String create(DatasetRecord dataset, SampleCreateRequest request) {
        NewSample sample = toNew(request, "");
        BatchItem item = insert(dataset, List.of(sample)).get(0);
        if (!item.created()) {
            throw ApiProblem.conflict(
                    "SAMPLE_FILENAME_EXISTS",
                    "the dataset has a sample with fileName '"
                            + sample.fileName()
                            + "' already (id "
                            + item.id()
                            + "); file names are unique within a dataset");
        }
        return item.id();
    }

    /** The batch extension: see {@link SampleBatchRequest}. */
    public SampleBatchResponse batch(
            DatasetRecord dataset, SampleBatchRequest request, String base) {
        List<SampleCreateRequest> requested = request.samples();
        if (requested == null) {
            throw ApiProblem.badRequest("samples is missing");
        }
        if (requested.size() > SampleBatchRequest.MAX_SAMPLES) {
            throw ApiProblem.badRequest(
                    "at most "
                            + SampleBatchRequest.MAX_SAMPLES
                            + " samples per batch, got "
                            + requested.size());
        }
        String mode = request.writeUrls() == null ? "none" : request.writeUrls();
        if (!WRITE_URLS.contains(mode)) {
            throw ApiProblem.badRequest("writeUrls must be one of " + WRITE_URLS + ": " + mode);
        }
        List<NewSample> samples = new ArrayList<>(requested.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            NewSample sample = toNew(requested.get(i), "samples[" + i + "].");
            if (!seen.add(sample.fileName())) {
                throw ApiProblem.badRequest(
                        "fileName '" + sample.fileName() + "' appears twice in the batch");
            }
            samples.add(sample);
        }
        SampleBatchUrls writeUrls = urls.batch(dataset, samples, mode);
        List<BatchItem> items = insert(dataset, samples);
        return new SampleBatchResponse(writeUrls.answer(items, base));
    }

    private List<BatchItem> insert(DatasetRecord dataset, List<NewSample> samples) {
        try {
            return store.insertBatch(dataset.id(), samples, maxSamples, clock.millis());
        } catch (CapacityException e) {
            throw new ApiProblem(400, "DATASET_AT_MAX_CAPACITY", e.getMessage());
        } catch (MissingException e) {
            throw ApiProblem.notFound("DATASET_UNKNOWN", e.getMessage());
        }
    }

    /** A sample to insert; {@code prefix} names it in messages, e.g. {@code samples[3].}. */
    private NewSample toNew(SampleCreateRequest request, String prefix) {
        if (request == null) {
            throw ApiProblem.badRequest(prefix + "fileName: the sample is null");
        }
        String fileName = Names.fileName(request.fileName(), prefix + "fileName");
        String thumbName =
                request.thumbName() == null
                        ? null
                        : Names.fileName(request.thumbName(), prefix + "thumbName");
        JsonNode metaData = Json.object(request.metaData(), prefix + "metaData");
        MetaDataTypes.check(metaData, prefix + "metaData");
        return new NewSample(
                ids.next(),
                fileName,
                thumbName,
                Json.text(Json.object(request.exif(), "exif")),
                Json.text(metaData),
                Json.text(Json.object(request.customMetaData(), "customMetaData")),
                Json.sizeInBytes(metaData));
    }

    /**
     * @throws ApiProblem 404 {@code SAMPLE_UNKNOWN}
     */
    public SampleRecord get(DatasetRecord dataset, String sampleId) {
        Ids.require(sampleId, "sampleId");
        return store.find(dataset.id(), sampleId)
                .orElseThrow(
                        () ->
                                ApiProblem.notFound(
                                        "SAMPLE_UNKNOWN",
                                        "sample " + sampleId + " does not exist in this dataset"));
    }

    /** Streams samples in creation order; {@code fileName} null for all. */
    public void forEach(
            DatasetRecord dataset, String fileName, Page page, Consumer<SampleRecord> sink) {
        store.forEach(dataset.id(), fileName, page.offset(), page.limit(), sink);
    }

    /** A page of lightly-java's listing: see {@link SampleListing}. */
    public SamplePage list(DatasetRecord dataset, SampleQuery query) {
        return store.list(dataset.id(), query);
    }

    /** Streams file names ({@code fileName}) or ids ({@code _id}) in creation order. */
    public void mappings(DatasetRecord dataset, String field, Consumer<String> sink) {
        boolean fileNames;
        if ("fileName".equals(field)) {
            fileNames = true;
        } else if ("_id".equals(field)) {
            fileNames = false;
        } else {
            throw ApiProblem.badRequest("field must be fileName or _id, got '" + field + "'");
        }
        store.forEachName(dataset.id(), fileNames, sink);
    }

    /** Replaces the fields given. */
    public void update(DatasetRecord dataset, String sampleId, SampleUpdateRequest request) {
        Ids.require(sampleId, "sampleId");
        String fileName =
                request.fileName() == null ? null : Names.fileName(request.fileName(), "fileName");
        String thumbName =
                request.thumbName() == null
                        ? null
                        : Names.fileName(request.thumbName(), "thumbName");
        JsonNode metaData = Json.object(request.metaData(), "metaData");
        MetaDataTypes.check(metaData, "metaData");
        SampleChange change =
                new SampleChange(
                        fileName,
                        thumbName,
                        Json.text(Json.object(request.exif(), "exif")),
                        Json.text(metaData),
                        Json.text(Json.object(request.customMetaData(), "customMetaData")),
                        metaData == null ? null : Json.sizeInBytes(metaData));
        boolean found;
        try {
            found = store.update(dataset.id(), sampleId, change, clock.millis());
        } catch (DuplicateException e) {
            throw ApiProblem.conflict("SAMPLE_FILENAME_EXISTS", e.getMessage());
        } catch (MissingException e) {
            throw ApiProblem.notFound("DATASET_UNKNOWN", e.getMessage());
        }
        if (!found) {
            throw ApiProblem.notFound(
                    "SAMPLE_UNKNOWN", "sample " + sampleId + " does not exist in this dataset");
        }
    }
}
