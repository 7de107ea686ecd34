package org.lightlyjava.server.store;

import java.nio.file.Path;
import org.lightlyjava.server.store.jdbi.JdbiStore;
import org.lightlyjava.server.testing.Postgres;

/** The score store on PostgreSQL (a fresh schema per test); skipped without PostgreSQL. */
class PostgresScoreStoreTest extends ScoreStoreContract {

    @Override
    Store open(Path dir) {
        return JdbiStore.open(Postgres.freshSchema());
    }
}
