package org.lightlyjava.server.contract;

import org.lightlyjava.server.ServerSettings;
import org.lightlyjava.server.testing.Postgres;

/** The collaboration client calls with the server on PostgreSQL; skipped without one. */
class PostgresCollaborationContractTest extends CollaborationContractTest {

    @Override
    protected ServerSettings.Builder settings(ServerSettings.Builder builder) {
        return builder.database(Postgres.freshSchema());
    }
}
