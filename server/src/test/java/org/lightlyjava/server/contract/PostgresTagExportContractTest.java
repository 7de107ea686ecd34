package org.lightlyjava.server.contract;

import org.lightlyjava.server.ServerSettings;
import org.lightlyjava.server.testing.Postgres;

/**
 * The tag exports with the server on PostgreSQL, where the rows stream through a cursor inside a
 * transaction; skipped without PostgreSQL.
 */
class PostgresTagExportContractTest extends TagExportContractTest {

    @Override
    protected ServerSettings.Builder settings(ServerSettings.Builder builder) {
        return builder.database(Postgres.freshSchema());
    }
}
