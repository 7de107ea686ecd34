package org.lightlyjava.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lightlyjava.server.store.jdbi.JdbiStore;

/** The store contract on a SQLite file. */
class SqliteStoreTest extends WebStoreContract {

    @Override
    Store open(Path dir) {
        return JdbiStore.open("jdbc:sqlite:" + dir.resolve("test.db"));
    }

    @Test
    void vendorIsSqlite() {
        assertThat(store.vendor()).isEqualTo("sqlite");
    }

    @Test
    void reopeningKeepsTheData() {
        DatasetRecord d = dataset(alice, "farm");
        store.close();
        store = open(dir);
        assertThat(store.datasets().find(alice.id(), d.id())).contains(d);
    }
}
