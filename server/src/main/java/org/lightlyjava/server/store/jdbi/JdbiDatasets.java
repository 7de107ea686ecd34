package org.lightlyjava.server.store.jdbi;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.lightlyjava.server.store.DatasetRecord;
import org.lightlyjava.server.store.DatasetStore;
import org.lightlyjava.server.store.DuplicateException;
import org.lightlyjava.server.store.UploadRegistration;

final class JdbiDatasets implements DatasetStore {

    private static final String SELECT =
            "SELECT id, user_id, name, type, img_type, creator, parent_dataset_id, n_samples,"
                    + " size_in_bytes, created_at, last_modified_at FROM datasets";

    private final Jdbi jdbi;

    JdbiDatasets(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(DatasetRecord dataset) {
        try {
            jdbi.useHandle(
                    h ->
                            h.createUpdate(
                                            "INSERT INTO datasets (id, user_id, name, type,"
                                                    + " img_type, creator, parent_dataset_id,"
                                                    + " n_samples, size_in_bytes, created_at,"
                                                    + " last_modified_at) VALUES (:id, :userId,"
                                                    + " :name, :type, :imgType, :creator,"
                                                    + " :parentDatasetId, 0, 0, :createdAt,"
                                                    + " :lastModifiedAt)")
                                    .bindMethods(dataset)
                                    .execute());
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new DuplicateException(
                        "a dataset named '" + dataset.name() + "' exists already", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<DatasetRecord> find(String userId, String datasetId) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(SELECT + " WHERE id = :id AND user_id = :userId")
                                .bind("id", datasetId)
                                .bind("userId", userId)
                                .map(Rows.DATASET)
                                .findOne());
    }

    @Override
    public List<DatasetRecord> list(String userId, long offset, long limit) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        SELECT
                                                + " WHERE user_id = :userId ORDER BY created_at,"
                                                + " id LIMIT :limit OFFSET :offset")
                                .bind("userId", userId)
                                .bind("limit", limit)
                                .bind("offset", offset)
                                .map(Rows.DATASET)
                                .list());
    }

    @Override
    public Optional<DatasetRecord> findByName(String userId, String name) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(SELECT + " WHERE user_id = :userId AND name = :name")
                                .bind("userId", userId)
                                .bind("name", name)
                                .map(Rows.DATASET)
                                .findOne());
    }

    @Override
    public boolean delete(String userId, String datasetId) {
        // Samples, tags, embeddings and the registration go with it (ON DELETE CASCADE).
        return jdbi.withHandle(
                        h ->
                                h.createUpdate(
                                                "DELETE FROM datasets WHERE id = :id AND user_id"
                                                        + " = :userId")
                                        .bind("id", datasetId)
                                        .bind("userId", userId)
                                        .execute())
                > 0;
    }

    @Override
    public void registerUpload(UploadRegistration registration) {
        jdbi.useTransaction(
                h -> {
                    Sql.lockDataset(h, registration.datasetId(), registration.updatedAt());
                    h.createUpdate("DELETE FROM upload_registrations WHERE dataset_id = :datasetId")
                            .bind("datasetId", registration.datasetId())
                            .execute();
                    h.createUpdate(
                                    "INSERT INTO upload_registrations (dataset_id, total,"
                                            + " processed, upload_method, is_registered,"
                                            + " updated_at) VALUES (:datasetId, :total,"
                                            + " :processed, :uploadMethod, :isRegistered,"
                                            + " :updatedAt)")
                            .bindMethods(registration)
                            .execute();
                });
    }

    @Override
    public Optional<UploadRegistration> uploadRegistration(String datasetId) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT dataset_id, total, processed, upload_method,"
                                                + " is_registered, updated_at FROM"
                                                + " upload_registrations WHERE dataset_id ="
                                                + " :datasetId")
                                .bind("datasetId", datasetId)
                                .map(Rows.UPLOAD)
                                .findOne());
    }
}
