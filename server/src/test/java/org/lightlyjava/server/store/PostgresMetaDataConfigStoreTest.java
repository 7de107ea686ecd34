package org.lightlyjava.server.store;

import java.nio.file.Path;
import org.lightlyjava.server.store.jdbi.JdbiStore;
import org.lightlyjava.server.testing.Postgres;

/** Custom metadata configurations on PostgreSQL (a fresh schema per test). */
class PostgresMetaDataConfigStoreTest extends MetaDataConfigStoreContract {

    @Override
    Store open(Path dir) {
        return JdbiStore.open(Postgres.freshSchema());
    }
}
