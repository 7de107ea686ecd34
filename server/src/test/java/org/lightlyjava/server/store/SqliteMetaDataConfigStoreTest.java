package org.lightlyjava.server.store;

import java.nio.file.Path;
import org.lightlyjava.server.store.jdbi.JdbiStore;

/** Custom metadata configurations on a SQLite file. */
class SqliteMetaDataConfigStoreTest extends MetaDataConfigStoreContract {

    @Override
    Store open(Path dir) {
        return JdbiStore.open("jdbc:sqlite:" + dir.resolve("test.db"));
    }
}
