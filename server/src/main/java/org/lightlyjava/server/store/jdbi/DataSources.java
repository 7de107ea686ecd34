package org.lightlyjava.server.store.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lightlyjava.server.store.StoreException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Connection pools for the two vendors. */
final class DataSources {

    private static final String SQLITE_PREFIX = "jdbc:sqlite:";
    private static final int BUSY_TIMEOUT_MS = 30_000;
    private static final int PG_CONNECTION_TIMEOUT_MS = 3_000;

    private DataSources() {}

    static boolean isSqlite(String jdbcUrl) {
        if (jdbcUrl.startsWith(SQLITE_PREFIX)) {
            return true;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return false;
        }
        throw new StoreException(
                "unsupported database URL (use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB): "
                        + redact(jdbcUrl));
    }

    static HikariDataSource pool(String jdbcUrl, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("lightly-server");
        if (isSqlite(jdbcUrl)) {
            // Waiting for a connection means waiting for SQLite's writer lock, as long as its
            // busy timeout.
            config.setConnectionTimeout(BUSY_TIMEOUT_MS);
            config.setDataSource(sqlite(jdbcUrl));
            // Readers run in parallel under WAL; writers queue on SQLite's lock (busy timeout).
            config.setMaximumPoolSize(4);
        } else {
            config.setJdbcUrl(jdbcUrl);
            if (password != null) {
                config.setPassword(password);
            }
            config.setMaximumPoolSize(8);
            // A database that is down fails requests within seconds (503), not after 30 s.
            config.setConnectionTimeout(PG_CONNECTION_TIMEOUT_MS);
            config.addDataSourceProperty("connectTimeout", 3);
            config.addDataSourceProperty("socketTimeout", 300);
        }
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new StoreException(
                    "cannot open the database " + redact(jdbcUrl) + ": " + JdbiStore.rootMessage(e),
                    e);
        }
    }

    private static SQLiteDataSource sqlite(String jdbcUrl) {
        String file = jdbcUrl.substring(SQLITE_PREFIX.length());
        int query = file.indexOf('?');
        Path path = Path.of(query < 0 ? file : file.substring(0, query));
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new StoreException("the database folder does not exist: " + parent);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        // A write transaction takes the write lock at BEGIN: no deadlock between two
        // transactions that both read first and then want to write.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(SQLITE_PREFIX + path);
        return dataSource;
    }

    /** The URL without its query string, which may carry a password. */
    static String redact(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?...";
        return base.replaceAll("//[^/@]*@", "//***@");
    }
}
