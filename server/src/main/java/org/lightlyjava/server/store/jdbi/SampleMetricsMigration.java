package org.lightlyjava.server.store.jdbi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 3: the {@code metaData} values that listings sort and filter by get columns of
 * their own ({@link MetaDataColumns}) and indices per dataset, which end in {@code idx} so that a
 * sorted page is read from the index in order. Samples stored before are filled in from their
 * {@code metaData} text, in Java because SQLite and PostgreSQL read JSON with different SQL.
 */
final class SampleMetricsMigration implements JavaMigration {

    private static final int CHUNK = 1000;

    private static final List<String> COLUMNS =
            List.of(
                    "ALTER TABLE samples ADD COLUMN sharpness DOUBLE PRECISION",
                    "ALTER TABLE samples ADD COLUMN snr DOUBLE PRECISION",
                    "ALTER TABLE samples ADD COLUMN width INTEGER",
                    "ALTER TABLE samples ADD COLUMN height INTEGER");

    private static final List<String> INDICES =
            List.of(
                    "CREATE INDEX samples_dataset_sharpness ON samples (dataset_id, sharpness, idx)",
                    "CREATE INDEX samples_dataset_snr ON samples (dataset_id, snr, idx)",
                    "CREATE INDEX samples_dataset_width ON samples (dataset_id, width, idx)",
                    "CREATE INDEX samples_dataset_height ON samples (dataset_id, height, idx)",
                    "CREATE INDEX samples_dataset_size ON samples (dataset_id, size_in_bytes, idx)");

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("3");
    }

    @Override
    public String getDescription() {
        return "sample metric columns";
    }

    @Override
    public Integer getChecksum() {
        return 3;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        execute(connection, COLUMNS);
        fillIn(connection);
        execute(connection, INDICES);
    }

    private static void execute(Connection connection, List<String> statements)
            throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** Reads the samples in chunks by id, so no cursor stays open on the table it updates. */
    private static void fillIn(Connection connection) throws SQLException {
        try (PreparedStatement read =
                        connection.prepareStatement(
                                "SELECT id, meta_data FROM samples WHERE meta_data IS NOT NULL"
                                        + " AND id > ? ORDER BY id LIMIT "
                                        + CHUNK);
                PreparedStatement write =
                        connection.prepareStatement(
                                "UPDATE samples SET sharpness = ?, snr = ?, width = ?, height = ?"
                                        + " WHERE id = ?")) {
            String after = "";
            int rows;
            do {
                rows = 0;
                read.setString(1, after);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getString(1);
                        bind(write, MetaDataColumns.of(rs.getString(2)), after);
                        write.addBatch();
                        rows++;
                    }
                }
                write.executeBatch();
            } while (rows == CHUNK);
        }
    }

    private static void bind(PreparedStatement write, MetaDataColumns columns, String id)
            throws SQLException {
        write.setObject(1, columns.sharpness(), Types.DOUBLE);
        write.setObject(2, columns.snr(), Types.DOUBLE);
        write.setObject(3, columns.width(), Types.INTEGER);
        write.setObject(4, columns.height(), Types.INTEGER);
        write.setString(5, id);
    }
}
