package org.lightlyjava.server.store.jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.lightlyjava.server.store.MissingException;

/** Small helpers shared by the stores. */
final class Sql {

    private Sql() {}

    /**
     * Whether {@code e} (or a cause) is a unique-key violation, in SQLite's or PostgreSQL's words.
     */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
            String message = t.getMessage();
            if (message != null
                    && (message.contains("UNIQUE constraint failed")
                            || message.contains("SQLITE_CONSTRAINT_PRIMARYKEY"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Takes the dataset's row lock (PostgreSQL) at the start of a write transaction and stamps it
     * as modified; SQLite's immediate transactions hold the database's write lock already.
     *
     * @throws MissingException when the dataset is gone
     */
    static void lockDataset(Handle h, String datasetId, long now) {
        int rows =
                h.createUpdate("UPDATE datasets SET last_modified_at = :now WHERE id = :id")
                        .bind("now", now)
                        .bind("id", datasetId)
                        .execute();
        if (rows == 0) {
            throw new MissingException("dataset " + datasetId + " does not exist");
        }
    }

    static long sampleCount(Handle h, String datasetId) {
        return h.createQuery("SELECT n_samples FROM datasets WHERE id = :id")
                .bind("id", datasetId)
                .mapTo(Long.class)
                .one();
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }
}
