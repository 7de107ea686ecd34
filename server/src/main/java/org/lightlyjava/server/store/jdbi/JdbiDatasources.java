package org.lightlyjava.server.store.jdbi;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.lightlyjava.server.store.DatasourceRecord;
import org.lightlyjava.server.store.DatasourceStore;

final class JdbiDatasources implements DatasourceStore {

    private static final String SELECT =
            "SELECT id, dataset_id, purpose, type, full_path, thumb_suffix, s3_region,"
                    + " s3_access_key_id, s3_secret_sealed, s3_kms_key, s3_endpoint_url,"
                    + " created_at, last_modified_at, s3_role_arn, s3_external_id FROM"
                    + " datasources";

    private final Jdbi jdbi;

    JdbiDatasources(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void put(DatasourceRecord d) {
        jdbi.useTransaction(
                h -> {
                    Sql.lockDataset(h, d.datasetId(), d.lastModifiedAt());
                    h.createUpdate(
                                    "DELETE FROM datasources WHERE dataset_id = :datasetId AND"
                                            + " purpose = :purpose")
                            .bind("datasetId", d.datasetId())
                            .bind("purpose", d.purpose())
                            .execute();
                    h.createUpdate(
                                    "INSERT INTO datasources (id, dataset_id, purpose, type,"
                                            + " full_path, thumb_suffix, s3_region,"
                                            + " s3_access_key_id, s3_secret_sealed, s3_kms_key,"
                                            + " s3_endpoint_url, created_at, last_modified_at,"
                                            + " s3_role_arn, s3_external_id)"
                                            + " VALUES (:id, :datasetId, :purpose, :type,"
                                            + " :fullPath, :thumbSuffix, :s3Region,"
                                            + " :s3AccessKeyId, :s3SecretSealed, :s3KmsKey,"
                                            + " :s3EndpointUrl, :createdAt, :lastModifiedAt,"
                                            + " :s3RoleArn, :s3ExternalId)")
                            .bindMethods(d)
                            .execute();
                });
    }

    @Override
    public boolean delete(String datasetId, String purpose) {
        return jdbi.withHandle(
                        h ->
                                h.createUpdate(
                                                "DELETE FROM datasources WHERE dataset_id ="
                                                        + " :datasetId AND purpose = :purpose")
                                        .bind("datasetId", datasetId)
                                        .bind("purpose", purpose)
                                        .execute())
                > 0;
    }

    @Override
    public Optional<DatasourceRecord> find(String datasetId, String purpose) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        SELECT
                                                + " WHERE dataset_id = :datasetId AND purpose ="
                                                + " :purpose")
                                .bind("datasetId", datasetId)
                                .bind("purpose", purpose)
                                .map(Rows.DATASOURCE)
                                .findOne());
    }

    @Override
    public List<DatasourceRecord> list(String datasetId) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(SELECT + " WHERE dataset_id = :datasetId ORDER BY purpose")
                                .bind("datasetId", datasetId)
                                .map(Rows.DATASOURCE)
                                .list());
    }

    @Override
    public long processedUntil(String datasetId) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT datasource_processed_until FROM datasets WHERE id"
                                                + " = :id")
                                .bind("id", datasetId)
                                .mapTo(Long.class)
                                .findOne()
                                .map(value -> value == null ? 0L : value)
                                .orElse(0L));
    }

    @Override
    public boolean setProcessedUntil(String datasetId, long seconds) {
        return jdbi.withHandle(
                        h ->
                                h.createUpdate(
                                                "UPDATE datasets SET datasource_processed_until ="
                                                        + " :seconds WHERE id = :id")
                                        .bind("seconds", seconds)
                                        .bind("id", datasetId)
                                        .execute())
                > 0;
    }
}
