package org.lightlyjava.server.store.jdbi;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.lightlyjava.server.store.PredictionTaskRecord;
import org.lightlyjava.server.store.PredictionTaskStore;

/** Prediction task schemas in table {@code prediction_tasks}. */
final class JdbiPredictionTasks implements PredictionTaskStore {

    private static final String SELECT =
            "SELECT id, dataset_id, prediction_uuid_timestamp, task_name, schema_json, created_at"
                    + " FROM prediction_tasks t";

    private static final RowMapper<PredictionTaskRecord> ROW =
            (rs, ctx) ->
                    new PredictionTaskRecord(
                            rs.getString("id"),
                            rs.getString("dataset_id"),
                            rs.getLong("prediction_uuid_timestamp"),
                            rs.getString("task_name"),
                            rs.getString("schema_json"),
                            rs.getLong("created_at"));

    private final Jdbi jdbi;

    JdbiPredictionTasks(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public String put(PredictionTaskRecord task) {
        return jdbi.inTransaction(
                h -> {
                    Sql.lockDataset(h, task.datasetId(), task.createdAt());
                    Optional<String> old =
                            h.createQuery(
                                            "SELECT id FROM prediction_tasks WHERE dataset_id ="
                                                    + " :datasetId AND prediction_uuid_timestamp ="
                                                    + " :version AND task_name = :taskName")
                                    .bindMethods(task)
                                    .mapTo(String.class)
                                    .findOne();
                    if (old.isPresent()) {
                        h.createUpdate(
                                        "UPDATE prediction_tasks SET schema_json = :schemaJson,"
                                                + " created_at = :createdAt WHERE id = :id")
                                .bind("schemaJson", task.schemaJson())
                                .bind("createdAt", task.createdAt())
                                .bind("id", old.get())
                                .execute();
                        return old.get();
                    }
                    h.createUpdate(
                                    "INSERT INTO prediction_tasks (id, dataset_id,"
                                            + " prediction_uuid_timestamp, task_name, schema_json,"
                                            + " created_at) VALUES (:id, :datasetId, :version,"
                                            + " :taskName, :schemaJson, :createdAt)")
                            .bindMethods(task)
                            .execute();
                    return task.id();
                });
    }

    @Override
    public List<PredictionTaskRecord> list(String datasetId, Long version) {
        String where =
                version != null
                        ? " WHERE t.dataset_id = :datasetId AND t.prediction_uuid_timestamp ="
                                + " :version"
                        : " WHERE t.dataset_id = :datasetId AND t.prediction_uuid_timestamp ="
                                + " (SELECT MAX(n.prediction_uuid_timestamp) FROM prediction_tasks"
                                + " n WHERE n.dataset_id = t.dataset_id AND n.task_name ="
                                + " t.task_name)";
        return jdbi.withHandle(
                h ->
                        h.createQuery(SELECT + where + " ORDER BY t.task_name")
                                .bind("datasetId", datasetId)
                                .bind("version", version == null ? 0L : version)
                                .map(ROW)
                                .list());
    }

    @Override
    public Optional<PredictionTaskRecord> find(String datasetId, long version, String taskName) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        SELECT
                                                + " WHERE t.dataset_id = :datasetId AND"
                                                + " t.prediction_uuid_timestamp = :version AND"
                                                + " t.task_name = :taskName")
                                .bind("datasetId", datasetId)
                                .bind("version", version)
                                .bind("taskName", taskName)
                                .map(ROW)
                                .findOne());
    }
}
