package org.lightlyjava.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lightlyjava.server.store.jdbi.JdbiStore;
import org.lightlyjava.server.testing.Postgres;

/** The store contract on PostgreSQL (a fresh schema per test); skipped without PostgreSQL. */
class PostgresStoreTest extends WebStoreContract {

    @Override
    Store open(Path dir) {
        return JdbiStore.open(Postgres.freshSchema());
    }

    @Test
    void vendorIsPostgresql() {
        assertThat(store.vendor()).isEqualTo("postgresql");
    }
}
