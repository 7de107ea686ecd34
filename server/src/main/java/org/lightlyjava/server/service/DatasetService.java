package org.lightlyjava.server.service;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.lightlyjava.api.model.DatasetCreateRequest;
import org.lightlyjava.api.model.DatasetData;
import org.lightlyjava.api.model.JobStatusMeta;
import org.lightlyjava.server.blob.BlobFiles;
import org.lightlyjava.server.store.DatasetRecord;
import org.lightlyjava.server.store.DatasetStore;
import org.lightlyjava.server.store.DuplicateException;
import org.lightlyjava.server.store.UploadRegistration;
import org.lightlyjava.server.store.UserRecord;

/** Datasets of the calling user; another user's dataset answers as if it did not exist. */
public final class DatasetService {

    static final Set<String> TYPES = Set.of("Images", "Videos", "Crops");
    static final Set<String> IMG_TYPES = Set.of("full", "thumbnail", "meta");

    private final DatasetStore store;
    private final BlobFiles blobs;
    private final Ids ids;
    private final Clock clock;

    DatasetService(DatasetStore store, BlobFiles blobs, Ids ids, Clock clock) {
        this.store = store;
        this.blobs = blobs;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * The user's dataset.
     *
     * @throws ApiProblem 400 for a malformed id, 404 {@code DATASET_UNKNOWN} when the user has no
     *     such dataset
     */
    public DatasetRecord owned(UserRecord user, String datasetId) {
        Ids.require(datasetId, "datasetId");
        return store.find(user.id(), datasetId)
                .orElseThrow(
                        () ->
                                ApiProblem.notFound(
                                        "DATASET_UNKNOWN",
                                        "dataset " + datasetId + " does not exist"));
    }

    public String create(UserRecord user, DatasetCreateRequest request) {
        String name = Names.dataset(request.name());
        String type = request.type() == null ? "Images" : request.type();
        if (!TYPES.contains(type)) {
            throw ApiProblem.badRequest("type must be one of " + TYPES + ", got '" + type + "'");
        }
        String imgType = request.imgType();
        if (imgType != null && !IMG_TYPES.contains(imgType)) {
            throw ApiProblem.badRequest(
                    "imgType must be one of " + IMG_TYPES + ", got '" + imgType + "'");
        }
        if (request.parentDatasetId() != null) {
            owned(user, request.parentDatasetId());
        }
        long now = clock.millis();
        String id = ids.next();
        try {
            store.insert(
                    new DatasetRecord(
                            id,
                            user.id(),
                            name,
                            type,
                            imgType,
                            request.creator(),
                            request.parentDatasetId(),
                            0,
                            0,
                            now,
                            now));
        } catch (DuplicateException e) {
            throw ApiProblem.conflict(
                    "DATASET_NAME_EXISTS", "a dataset named '" + name + "' exists already");
        }
        return id;
    }

    /**
     * The user's datasets in creation order. Nothing is shared between users here, so {@code
     * shared=true} lists none.
     */
    public List<DatasetData> list(UserRecord user, boolean shared, Page page) {
        if (shared) {
            return List.of();
        }
        return store.list(user.id(), page.offset(), page.limit()).stream()
                .map(DatasetService::toData)
                .toList();
    }

    /** Datasets named exactly {@code name}, or (not {@code exact}) whose name starts with it. */
    public List<DatasetData> queryByName(
            UserRecord user, String name, boolean exact, boolean shared) {
        if (shared) {
            return List.of();
        }
        if (exact) {
            return store.findByName(user.id(), name).map(DatasetService::toData).stream().toList();
        }
        return store.list(user.id(), 0, Long.MAX_VALUE).stream()
                .filter(dataset -> dataset.name().startsWith(name))
                .map(DatasetService::toData)
                .toList();
    }

    /** Deletes the dataset with everything in it, its blobs included. */
    public void delete(UserRecord user, String datasetId) {
        DatasetRecord dataset = owned(user, datasetId);
        if (store.delete(user.id(), dataset.id())) {
            blobs.deleteDataset(dataset.id());
        }
    }

    public void registerUpload(DatasetRecord dataset, JobStatusMeta meta) {
        if ((meta.total() != null && meta.total() < 0)
                || (meta.processed() != null && meta.processed() < 0)) {
            throw ApiProblem.badRequest("total and processed must not be negative");
        }
        store.registerUpload(
                new UploadRegistration(
                        dataset.id(),
                        meta.total(),
                        meta.processed(),
                        meta.uploadMethod(),
                        meta.isRegistered(),
                        clock.millis()));
    }

    public static DatasetData toData(DatasetRecord d) {
        return new DatasetData(
                d.id(),
                d.name(),
                d.userId(),
                null,
                d.type(),
                d.imgType(),
                d.nSamples(),
                d.sizeInBytes(),
                d.createdAt(),
                d.lastModifiedAt(),
                null,
                d.parentDatasetId());
    }
}
