package org.lightlyjava.server;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --data-dir} and {@code --db}, shared by every command. */
final class StoreOptions {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description =
                    "Data folder: database, signing key, blobs (default: $LIGHTLY_DATA_DIR,"
                            + " else ~/.lightly-java).")
    Path dataDir;

    @Option(
            names = "--db",
            paramLabel = "JDBC_URL",
            description =
                    "Database, e.g. jdbc:postgresql://host/db?user=u&password=p (default: SQLite"
                            + " file lightly-server.db in the data folder).")
    String database;

    Path dataDir(Map<String, String> env) {
        return dataDir != null ? dataDir.toAbsolutePath() : ServerSettings.defaultDataDir(env);
    }
}
