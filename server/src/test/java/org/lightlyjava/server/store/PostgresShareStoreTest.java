package org.lightlyjava.server.store;

import java.nio.file.Path;
import org.lightlyjava.server.store.jdbi.JdbiStore;
import org.lightlyjava.server.testing.Postgres;

/** Shared datasets on PostgreSQL (a fresh schema per test); skipped without PostgreSQL. */
class PostgresShareStoreTest extends ShareStoreContract {

    @Override
    Store open(Path dir) {
        return JdbiStore.open(Postgres.freshSchema());
    }
}
