package org.lightlyjava.server.store.jdbi;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.lightlyjava.server.store.MetaDataConfigRecord;
import org.lightlyjava.server.store.MetaDataConfigStore;

final class JdbiMetaDataConfigs implements MetaDataConfigStore {

    private static final String SELECT =
            "SELECT id, dataset_id, name, configs, created_at, last_modified_at"
                    + " FROM metadata_configurations";

    private static final RowMapper<MetaDataConfigRecord> ROW =
            (rs, ctx) ->
                    new MetaDataConfigRecord(
                            rs.getString("id"),
                            rs.getString("dataset_id"),
                            rs.getString("name"),
                            rs.getString("configs"),
                            rs.getLong("created_at"),
                            rs.getLong("last_modified_at"));

    private final Jdbi jdbi;

    JdbiMetaDataConfigs(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(MetaDataConfigRecord config) {
        jdbi.useTransaction(
                h -> {
                    Sql.lockDataset(h, config.datasetId(), config.lastModifiedAt());
                    h.createUpdate(
                                    "INSERT INTO metadata_configurations (id, dataset_id, name,"
                                            + " configs, created_at, last_modified_at) VALUES"
                                            + " (:id, :datasetId, :name, :configs, :createdAt,"
                                            + " :lastModifiedAt)")
                            .bindMethods(config)
                            .execute();
                });
    }

    @Override
    public List<MetaDataConfigRecord> list(String datasetId) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        SELECT
                                                + " WHERE dataset_id = :datasetId"
                                                + " ORDER BY created_at, id")
                                .bind("datasetId", datasetId)
                                .map(ROW)
                                .list());
    }

    @Override
    public Optional<MetaDataConfigRecord> find(String datasetId, String id) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(SELECT + " WHERE dataset_id = :datasetId AND id = :id")
                                .bind("datasetId", datasetId)
                                .bind("id", id)
                                .map(ROW)
                                .findOne());
    }

    @Override
    public boolean update(String datasetId, String id, String name, String configs, long now) {
        return jdbi.withHandle(
                        h ->
                                h.createUpdate(
                                                "UPDATE metadata_configurations SET name = :name,"
                                                        + " configs = :configs, last_modified_at ="
                                                        + " :now WHERE dataset_id = :datasetId"
                                                        + " AND id = :id")
                                        .bind("name", name)
                                        .bind("configs", configs)
                                        .bind("now", now)
                                        .bind("datasetId", datasetId)
                                        .bind("id", id)
                                        .execute())
                > 0;
    }
}
