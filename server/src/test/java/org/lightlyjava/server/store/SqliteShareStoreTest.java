package org.lightlyjava.server.store;

import java.nio.file.Path;
import org.lightlyjava.server.store.jdbi.JdbiStore;

/** Shared datasets on a SQLite file. */
class SqliteShareStoreTest extends ShareStoreContract {

    @Override
    Store open(Path dir) {
        return JdbiStore.open("jdbc:sqlite:" + dir.resolve("test.db"));
    }
}
