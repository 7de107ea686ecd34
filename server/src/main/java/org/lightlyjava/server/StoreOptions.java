package org.lightlyjava.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
                    "Database, e.g. jdbc:postgresql://host/db?user=u (default: SQLite file"
                            + " lightly-server.db in the data folder). Its password comes from"
                            + " --db-password-file, else $LIGHTLY_DB_PASSWORD, else PostgreSQL's"
                            + " ~/.pgpass or $PGPASSFILE; one in the URL shows in ps.")
    String database;

    @Option(
            names = "--db-password-file",
            paramLabel = "FILE",
            description = "File whose first line is the database password.")
    Path passwordFile;

    /** The environment variable that may hold the database password. */
    static final String PASSWORD_ENV = "LIGHTLY_DB_PASSWORD";

    /** The password from {@code --db-password-file} or the environment, else null. */
    String password(Map<String, String> env) throws CommandFailure {
        if (passwordFile != null) {
            try {
                List<String> lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
                return lines.isEmpty() ? "" : lines.get(0).strip();
            } catch (IOException e) {
                throw new CommandFailure(
                        ExitCode.CONFIG,
                        "cannot read --db-password-file " + passwordFile + ": " + e);
            }
        }
        String password = env.get(PASSWORD_ENV);
        return password == null || password.isEmpty() ? null : password;
    }

    Path dataDir(Map<String, String> env) {
        return dataDir != null ? dataDir.toAbsolutePath() : ServerSettings.defaultDataDir(env);
    }
}
