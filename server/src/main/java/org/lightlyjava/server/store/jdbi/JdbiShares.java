package org.lightlyjava.server.store.jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.lightlyjava.server.store.DatasetAccess;
import org.lightlyjava.server.store.DatasetAccess.Role;
import org.lightlyjava.server.store.MissingException;
import org.lightlyjava.server.store.ShareStore;
import org.lightlyjava.server.store.SharedAccessRecord;
import org.lightlyjava.server.store.UserRecord;

final class JdbiShares implements ShareStore {

    /** A dataset with the caller's share (null columns when the caller owns it). */
    private static final String SELECT =
            "SELECT d.id, d.user_id, d.name, d.type, d.img_type, d.creator, d.parent_dataset_id,"
                    + " d.n_samples, d.size_in_bytes, d.created_at, d.last_modified_at,"
                    + " c.access_type FROM datasets d LEFT JOIN dataset_shares s ON s.dataset_id"
                    + " = d.id AND s.user_id = :userId LEFT JOIN shared_access_configs c ON c.id"
                    + " = s.config_id";

    private static final String SHARED =
            SELECT + " WHERE s.user_id IS NOT NULL AND d.user_id <> :userId";

    private final Jdbi jdbi;

    JdbiShares(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<DatasetAccess> access(String userId, String datasetId) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        SELECT
                                                + " WHERE d.id = :id AND (d.user_id = :userId"
                                                + " OR s.user_id IS NOT NULL)")
                                .bind("id", datasetId)
                                .bind("userId", userId)
                                .map((rs, ctx) -> access(rs, ctx, userId))
                                .findOne());
    }

    @Override
    public List<DatasetAccess> sharedWith(String userId, long offset, long limit) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        SHARED
                                                + " ORDER BY d.created_at, d.id LIMIT :limit"
                                                + " OFFSET :offset")
                                .bind("userId", userId)
                                .bind("limit", limit)
                                .bind("offset", offset)
                                .map((rs, ctx) -> access(rs, ctx, userId))
                                .list());
    }

    @Override
    public List<DatasetAccess> sharedWithByName(String userId, String name) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(SHARED + " AND d.name = :name ORDER BY d.created_at, d.id")
                                .bind("userId", userId)
                                .bind("name", name)
                                .map((rs, ctx) -> access(rs, ctx, userId))
                                .list());
    }

    private static DatasetAccess access(ResultSet rs, StatementContext ctx, String userId)
            throws SQLException {
        String type = rs.getString("access_type");
        Role role =
                rs.getString("user_id").equals(userId)
                        ? Role.OWNER
                        : "WRITE".equals(type) ? Role.WRITE : Role.READ;
        return new DatasetAccess(Rows.DATASET.map(rs, ctx), role);
    }

    @Override
    public Optional<UserRecord> findUser(String idOrName) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT id, name, created_at FROM users WHERE id = :key"
                                                + " OR name = :key ORDER BY CASE WHEN id = :key"
                                                + " THEN 0 ELSE 1 END LIMIT 1")
                                .bind("key", idOrName)
                                .map(Rows.USER)
                                .findOne());
    }

    @Override
    public String replace(
            String datasetId, String accessType, List<String> userIds, String newId, long now) {
        return jdbi.inTransaction(
                h -> {
                    // Takes the dataset's row lock on PostgreSQL (concurrent shares of one
                    // dataset wait for each other); changes nothing.
                    int rows =
                            h.createUpdate(
                                            "UPDATE datasets SET last_modified_at ="
                                                    + " last_modified_at WHERE id = :id")
                                    .bind("id", datasetId)
                                    .execute();
                    if (rows == 0) {
                        throw new MissingException("dataset " + datasetId + " does not exist");
                    }
                    String configId = config(h, datasetId, accessType, newId, now);
                    h.createUpdate("DELETE FROM dataset_shares WHERE config_id = :configId")
                            .bind("configId", configId)
                            .execute();
                    int seq = 0;
                    for (String userId : userIds) {
                        h.createUpdate(
                                        "DELETE FROM dataset_shares WHERE dataset_id = :datasetId"
                                                + " AND user_id = :userId")
                                .bind("datasetId", datasetId)
                                .bind("userId", userId)
                                .execute();
                        insertShare(h, datasetId, userId, configId, seq++);
                    }
                    return configId;
                });
    }

    /** The id of the dataset's config of this type, created or stamped as modified now. */
    private static String config(
            Handle h, String datasetId, String accessType, String newId, long now) {
        Optional<String> existing =
                h.createQuery(
                                "SELECT id FROM shared_access_configs WHERE dataset_id ="
                                        + " :datasetId AND access_type = :accessType")
                        .bind("datasetId", datasetId)
                        .bind("accessType", accessType)
                        .mapTo(String.class)
                        .findOne();
        if (existing.isPresent()) {
            h.createUpdate(
                            "UPDATE shared_access_configs SET last_modified_at = :now WHERE id = :id")
                    .bind("now", now)
                    .bind("id", existing.get())
                    .execute();
            return existing.get();
        }
        h.createUpdate(
                        "INSERT INTO shared_access_configs (id, dataset_id, access_type,"
                                + " created_at, last_modified_at) VALUES (:id, :datasetId,"
                                + " :accessType, :now, :now)")
                .bind("id", newId)
                .bind("datasetId", datasetId)
                .bind("accessType", accessType)
                .bind("now", now)
                .execute();
        return newId;
    }

    private static void insertShare(
            Handle h, String datasetId, String userId, String configId, int seq) {
        h.createUpdate(
                        "INSERT INTO dataset_shares (dataset_id, user_id, config_id, seq)"
                                + " VALUES (:datasetId, :userId, :configId, :seq)")
                .bind("datasetId", datasetId)
                .bind("userId", userId)
                .bind("configId", configId)
                .bind("seq", seq)
                .execute();
    }

    @Override
    public List<SharedAccessRecord> configs(String datasetId) {
        return jdbi.withHandle(
                h -> {
                    Map<String, List<String>> users = new LinkedHashMap<>();
                    h.createQuery(
                                    "SELECT s.config_id, u.name FROM dataset_shares s JOIN users"
                                            + " u ON u.id = s.user_id WHERE s.dataset_id ="
                                            + " :datasetId ORDER BY s.config_id, s.seq")
                            .bind("datasetId", datasetId)
                            .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                            .forEach(
                                    e ->
                                            users.computeIfAbsent(
                                                            e.getKey(), k -> new ArrayList<>())
                                                    .add(e.getValue()));
                    return h.createQuery(
                                    "SELECT id, dataset_id, access_type, created_at,"
                                            + " last_modified_at FROM shared_access_configs"
                                            + " WHERE dataset_id = :datasetId ORDER BY"
                                            + " created_at, id")
                            .bind("datasetId", datasetId)
                            .map(
                                    (rs, ctx) ->
                                            new SharedAccessRecord(
                                                    rs.getString("id"),
                                                    rs.getString("dataset_id"),
                                                    rs.getString("access_type"),
                                                    users.getOrDefault(
                                                            rs.getString("id"), List.of()),
                                                    rs.getLong("created_at"),
                                                    rs.getLong("last_modified_at")))
                            .list();
                });
    }

    @Override
    public boolean deleteConfig(String datasetId, String configId) {
        // Its users go with it (ON DELETE CASCADE).
        return jdbi.withHandle(
                        h ->
                                h.createUpdate(
                                                "DELETE FROM shared_access_configs WHERE id ="
                                                        + " :id AND dataset_id = :datasetId")
                                        .bind("id", configId)
                                        .bind("datasetId", datasetId)
                                        .execute())
                > 0;
    }
}
