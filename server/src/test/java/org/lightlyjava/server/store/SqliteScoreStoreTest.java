package org.lightlyjava.server.store;

import java.nio.file.Path;
import org.lightlyjava.server.store.jdbi.JdbiStore;

/** The score store on a SQLite file. */
class SqliteScoreStoreTest extends ScoreStoreContract {

    @Override
    Store open(Path dir) {
        return JdbiStore.open("jdbc:sqlite:" + dir.resolve("test.db"));
    }
}
