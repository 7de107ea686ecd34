package org.lightlyjava.server.service;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.lightlyjava.api.model.DatasetCreateRequest;
import org.lightlyjava.api.model.DatasetData;
import org.lightlyjava.api.model.JobStatusMeta;
import org.lightlyjava.server.blob.BlobFiles;
import org.lightlyjava.server.store.DatasetAccess;
import org.lightlyjava.server.store.DatasetAccess.Role;
import org.lightlyjava.server.store.DatasetRecord;
import org.lightlyjava.server.store.DatasetStore;
import org.lightlyjava.server.store.DuplicateException;
import org.lightlyjava.server.store.ShareStore;
import org.lightlyjava.server.store.UploadRegistration;
import org.lightlyjava.server.store.UserRecord;

/**
 * Datasets as the calling user reaches them: their own, and those shared with them for reading or
 * writing. A dataset the user cannot reach answers as if it did not exist; one they reach with too
 * small a role answers 403.
 */
public final class DatasetService {

    static final Set<String> TYPES = Set.of("Images", "Videos", "Crops");
    static final Set<String> IMG_TYPES = Set.of("full", "thumbnail", "meta");

    private final DatasetStore store;
    private final ShareStore shares;
    private final BlobFiles blobs;
    private final Ids ids;
    private final Clock clock;

    DatasetService(DatasetStore store, ShareStore shares, BlobFiles blobs, Ids ids, Clock clock) {
        this.store = store;
        this.shares = shares;
        this.blobs = blobs;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * The user's dataset.
     *
     * @throws ApiProblem 400 for a malformed id, 404 {@code DATASET_UNKNOWN} when the user cannot
     *     reach such a dataset, 403 when it is only shared with them
     */
    public DatasetRecord owned(UserRecord user, String datasetId) {
        return access(user, datasetId, Role.OWNER).dataset();
    }

    /**
     * The dataset, if the user's role on it allows what {@code needed} names. Read from the
     * database on every call, so a share or revocation applies to the next request.
     *
     * @throws ApiProblem 400 for a malformed id, 404 {@code DATASET_UNKNOWN} when the user cannot
     *     reach such a dataset, 403 {@code FORBIDDEN} when their role is too small
     */
    public DatasetAccess access(UserRecord user, String datasetId, Role needed) {
        Ids.require(datasetId, "datasetId");
        DatasetAccess access =
                shares.access(user.id(), datasetId)
                        .orElseThrow(
                                () ->
                                        ApiProblem.notFound(
                                                "DATASET_UNKNOWN",
                                                "dataset " + datasetId + " does not exist"));
        if (!access.role().allows(needed)) {
            throw ApiProblem.forbidden(
                    needed == Role.OWNER
                            ? "only the owner of dataset " + datasetId + " may do this"
                            : "dataset "
                                    + datasetId
                                    + " is shared with you for READ only; this needs WRITE"
                                    + " access, which its owner may grant");
        }
        return access;
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
     * The user's own datasets in creation order, or ({@code shared}) those other users shared with
     * them, as Lightly's {@code GET /v1/datasets?shared=} lists them.
     */
    public List<DatasetData> list(UserRecord user, boolean shared, Page page) {
        if (shared) {
            return shares.sharedWith(user.id(), page.offset(), page.limit()).stream()
                    .map(DatasetService::toData)
                    .toList();
        }
        return store.list(user.id(), page.offset(), page.limit()).stream()
                .map(DatasetService::toData)
                .toList();
    }

    /**
     * Datasets named exactly {@code name}, or (not {@code exact}) whose name starts with it: the
     * user's own, or ({@code shared}) those shared with them.
     */
    public List<DatasetData> queryByName(
            UserRecord user, String name, boolean exact, boolean shared) {
        if (shared) {
            List<DatasetAccess> found =
                    exact
                            ? shares.sharedWithByName(user.id(), name)
                            : shares.sharedWith(user.id(), 0, Long.MAX_VALUE).stream()
                                    .filter(a -> a.dataset().name().startsWith(name))
                                    .toList();
            return found.stream().map(DatasetService::toData).toList();
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
        return toData(d, null);
    }

    /**
     * The dataset as {@code access}'s user sees it: {@code accessType} is {@code READ} or {@code
     * WRITE} when it is shared with them, absent when it is their own.
     */
    public static DatasetData toData(DatasetAccess access) {
        Role role = access.role();
        return toData(access.dataset(), role == Role.OWNER ? null : role.name());
    }

    private static DatasetData toData(DatasetRecord d, String accessType) {
        return new DatasetData(
                d.id(),
                d.name(),
                d.userId(),
                accessType,
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
