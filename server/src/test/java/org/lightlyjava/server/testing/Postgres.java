package org.lightlyjava.server.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PostgreSQL for tests: {@code $LIGHTLY_TEST_POSTGRES_URL} when set (see {@code
 * src/test/postgres.sh}), else an embedded one (zonky, started once per test JVM). Tests that need
 * it are skipped, never failed, when neither is reachable.
 */
public final class Postgres {

    /**
     * The environment variable naming a server to use, for example {@code
     * jdbc:postgresql://127.0.0.1:55432/postgres?user=postgres}.
     */
    public static final String URL_ENV = "LIGHTLY_TEST_POSTGRES_URL";

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static Optional<String> url;
    private static String problem;

    private Postgres() {}

    /** A JDBC URL of a new empty schema; skips the calling test when there is no PostgreSQL. */
    public static String freshSchema() {
        Optional<String> base = url();
        assumeTrue(base.isPresent(), "no PostgreSQL reachable: " + problem);
        String schema = "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(base.get());
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new AssertionError("cannot create schema on " + base.get(), e);
        }
        return base.get() + (base.get().contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static synchronized Optional<String> url() {
        if (url == null) {
            url = find();
        }
        return url;
    }

    private static Optional<String> find() {
        String configured = System.getenv(URL_ENV);
        if (configured != null && !configured.isBlank()) {
            if (reachable(configured)) {
                return Optional.of(configured);
            }
            return Optional.empty();
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(embedded)));
            return Optional.of(embedded.getJdbcUrl("postgres", "postgres"));
        } catch (Exception | LinkageError e) {
            problem = "embedded PostgreSQL did not start (" + e + "); set " + URL_ENV;
            return Optional.empty();
        }
    }

    private static boolean reachable(String jdbcUrl) {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            return c.isValid(5);
        } catch (SQLException e) {
            problem = URL_ENV + " is set but not reachable: " + e.getMessage();
            return false;
        }
    }

    private static void close(EmbeddedPostgres embedded) {
        try {
            embedded.close();
        } catch (java.io.IOException e) {
            // the JVM is going away
        }
    }
}
