package org.lightlyjava.server.store.jdbi;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.lightlyjava.server.store.MissingException;
import org.lightlyjava.server.store.SamplePredictionStore;

/** Per-sample predictions in table {@code sample_predictions}. */
final class JdbiSamplePredictions implements SamplePredictionStore {

    private final Jdbi jdbi;

    JdbiSamplePredictions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public String put(
            String id,
            String datasetId,
            String sampleId,
            long version,
            String singletonsJson,
            long now) {
        return jdbi.inTransaction(
                h -> {
                    Sql.lockDataset(h, datasetId, now);
                    boolean sample =
                            h.createQuery(
                                                    "SELECT COUNT(*) FROM samples WHERE id = :id"
                                                            + " AND dataset_id = :datasetId")
                                            .bind("id", sampleId)
                                            .bind("datasetId", datasetId)
                                            .mapTo(Long.class)
                                            .one()
                                    > 0;
                    if (!sample) {
                        throw new MissingException("sample " + sampleId + " does not exist");
                    }
                    Optional<String> old =
                            h.createQuery(
                                            "SELECT id FROM sample_predictions WHERE sample_id ="
                                                    + " :sampleId AND prediction_uuid_timestamp ="
                                                    + " :version")
                                    .bind("sampleId", sampleId)
                                    .bind("version", version)
                                    .mapTo(String.class)
                                    .findOne();
                    String rowId = old.orElse(id);
                    h.createUpdate(
                                    old.isPresent()
                                            ? "UPDATE sample_predictions SET singletons_json ="
                                                    + " :json, created_at = :now WHERE id = :id"
                                            : "INSERT INTO sample_predictions (id, dataset_id,"
                                                    + " sample_id, prediction_uuid_timestamp,"
                                                    + " singletons_json, created_at) VALUES (:id,"
                                                    + " :datasetId, :sampleId, :version, :json,"
                                                    + " :now)")
                            .bind("id", rowId)
                            .bind("datasetId", datasetId)
                            .bind("sampleId", sampleId)
                            .bind("version", version)
                            .bind("json", singletonsJson)
                            .bind("now", now)
                            .execute();
                    return rowId;
                });
    }

    @Override
    public Optional<String> find(String datasetId, String sampleId, long version) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT singletons_json FROM sample_predictions WHERE"
                                                + " dataset_id = :datasetId AND sample_id ="
                                                + " :sampleId AND prediction_uuid_timestamp ="
                                                + " :version")
                                .bind("datasetId", datasetId)
                                .bind("sampleId", sampleId)
                                .bind("version", version)
                                .mapTo(String.class)
                                .findOne());
    }

    @Override
    public List<String> list(String datasetId, long version) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT p.singletons_json FROM sample_predictions p JOIN"
                                                + " samples s ON s.id = p.sample_id WHERE"
                                                + " p.dataset_id = :datasetId AND"
                                                + " p.prediction_uuid_timestamp = :version ORDER BY"
                                                + " s.idx")
                                .bind("datasetId", datasetId)
                                .bind("version", version)
                                .mapTo(String.class)
                                .list());
    }
}
