package org.lightlyjava.server.store.jdbi;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 9: S3 delegated access (Lightly's {@code S3DelegatedAccess} datasource). The
 * server assumes {@code s3_role_arn} through STS AssumeRole with {@code s3_external_id}; neither is
 * a secret, and the session credentials STS hands out are kept in memory only. The type name has 17
 * characters, so PostgreSQL's {@code type} column widens to 32 (SQLite does not enforce lengths and
 * cannot alter a column's type; in Java for that difference).
 */
final class DelegatedAccessMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("9");
    }

    @Override
    public String getDescription() {
        return "delegated access";
    }

    @Override
    public Integer getChecksum() {
        return 9;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean postgres =
                connection
                        .getMetaData()
                        .getDatabaseProductName()
                        .toLowerCase()
                        .contains("postgres");
        try (Statement s = connection.createStatement()) {
            s.execute("ALTER TABLE datasources ADD COLUMN s3_role_arn TEXT");
            s.execute("ALTER TABLE datasources ADD COLUMN s3_external_id TEXT");
            if (postgres) {
                s.execute("ALTER TABLE datasources ALTER COLUMN type TYPE VARCHAR(32)");
            }
        }
    }
}
