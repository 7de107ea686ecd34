package org.lightlyjava.server.store.jdbi;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.lightlyjava.server.store.MissingException;
import org.lightlyjava.server.store.ScoreRecord;
import org.lightlyjava.server.store.ScoreStore;

/** Scores in table {@code tag_scores}, the values as one blob of big-endian float64s. */
final class JdbiScores implements ScoreStore {

    private static final String SUMMARY =
            "id, dataset_id, tag_id, score_type, bit_mask_data, score_count, created_at";

    private static final RowMapper<ScoreRecord> SUMMARY_ROW =
            (rs, ctx) ->
                    new ScoreRecord(
                            rs.getString("id"),
                            rs.getString("dataset_id"),
                            rs.getString("tag_id"),
                            rs.getString("score_type"),
                            rs.getString("bit_mask_data"),
                            rs.getInt("score_count"),
                            null,
                            rs.getLong("created_at"));

    private static final RowMapper<ScoreRecord> FULL_ROW =
            (rs, ctx) -> {
                ScoreRecord r = SUMMARY_ROW.map(rs, ctx);
                return new ScoreRecord(
                        r.id(),
                        r.datasetId(),
                        r.tagId(),
                        r.scoreType(),
                        r.bitMaskData(),
                        r.count(),
                        decode(rs.getBytes("score_values")),
                        r.createdAt());
            };

    private final Jdbi jdbi;

    JdbiScores(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public ScoreRecord put(ScoreRecord scores) {
        return jdbi.inTransaction(
                h -> {
                    Sql.lockDataset(h, scores.datasetId(), scores.createdAt());
                    requireTag(h, scores);
                    Optional<String> old =
                            h.createQuery(
                                            "SELECT id FROM tag_scores WHERE tag_id = :tagId"
                                                    + " AND score_type = :scoreType")
                                    .bind("tagId", scores.tagId())
                                    .bind("scoreType", scores.scoreType())
                                    .mapTo(String.class)
                                    .findOne();
                    ScoreRecord stored = old.map(id -> withId(scores, id)).orElse(scores);
                    String sql =
                            old.isPresent()
                                    ? "UPDATE tag_scores SET bit_mask_data = :bitMaskData,"
                                            + " score_count = :count, score_values = :values,"
                                            + " created_at = :createdAt WHERE id = :id"
                                    : "INSERT INTO tag_scores (id, dataset_id, tag_id, score_type,"
                                            + " bit_mask_data, score_count, score_values,"
                                            + " created_at) VALUES (:id, :datasetId, :tagId,"
                                            + " :scoreType, :bitMaskData, :count, :values,"
                                            + " :createdAt)";
                    h.createUpdate(sql)
                            .bind("id", stored.id())
                            .bind("datasetId", stored.datasetId())
                            .bind("tagId", stored.tagId())
                            .bind("scoreType", stored.scoreType())
                            .bind("bitMaskData", stored.bitMaskData())
                            .bind("count", stored.count())
                            .bind("values", encode(stored.values()))
                            .bind("createdAt", stored.createdAt())
                            .execute();
                    return stored;
                });
    }

    private static void requireTag(Handle h, ScoreRecord scores) {
        boolean exists =
                h.createQuery(
                                        "SELECT COUNT(*) FROM tags WHERE id = :id AND dataset_id = :datasetId")
                                .bind("id", scores.tagId())
                                .bind("datasetId", scores.datasetId())
                                .mapTo(Long.class)
                                .one()
                        > 0;
        if (!exists) {
            throw new MissingException("tag " + scores.tagId() + " does not exist");
        }
    }

    private static ScoreRecord withId(ScoreRecord r, String id) {
        return new ScoreRecord(
                id,
                r.datasetId(),
                r.tagId(),
                r.scoreType(),
                r.bitMaskData(),
                r.count(),
                r.values(),
                r.createdAt());
    }

    @Override
    public List<ScoreRecord> listByTag(String datasetId, String tagId) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT "
                                                + SUMMARY
                                                + " FROM tag_scores WHERE dataset_id = :datasetId"
                                                + " AND tag_id = :tagId ORDER BY id")
                                .bind("datasetId", datasetId)
                                .bind("tagId", tagId)
                                .map(SUMMARY_ROW)
                                .list());
    }

    @Override
    public List<ScoreRecord> listByDataset(String datasetId) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT "
                                                + SUMMARY
                                                + " FROM tag_scores WHERE dataset_id = :datasetId"
                                                + " ORDER BY id")
                                .bind("datasetId", datasetId)
                                .map(SUMMARY_ROW)
                                .list());
    }

    @Override
    public Optional<ScoreRecord> find(String datasetId, String scoreId) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT "
                                                + SUMMARY
                                                + ", score_values FROM tag_scores"
                                                + " WHERE dataset_id = :datasetId AND id = :id")
                                .bind("datasetId", datasetId)
                                .bind("id", scoreId)
                                .map(FULL_ROW)
                                .findOne());
    }

    static byte[] encode(double[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Double.BYTES);
        buffer.asDoubleBuffer().put(values);
        return buffer.array();
    }

    static double[] decode(byte[] bytes) {
        double[] values = new double[bytes.length / Double.BYTES];
        ByteBuffer.wrap(bytes).asDoubleBuffer().get(values);
        return values;
    }
}
