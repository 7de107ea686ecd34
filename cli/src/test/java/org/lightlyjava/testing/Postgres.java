package org.lightlyjava.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PostgreSQL for the upload's crash and fault tests, as the server module's tests have one:
 * {@code $LIGHTLY_TEST_POSTGRES_URL} when set, else an embedded one (zonky, started once per test
 * JVM). Tests that need it are skipped, never failed, when neither is there.
 */
public final class Postgres {

    private static final String URL_ENV = "LIGHTLY_TEST_POSTGRES_URL";
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static Optional<String> url;
    private static String problem;

    private Postgres() {}

    /** A JDBC URL of a new empty schema; skips the calling test when there is no PostgreSQL. */
    public static String freshSchema() {
        Optional<String> base = url();
        assumeTrue(base.isPresent(), "no PostgreSQL: " + problem);
        String schema = "u" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(base.get());
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new AssertionError("cannot create a schema", e);
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
            return Optional.of(configured);
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        try {
                                            embedded.close();
                                        } catch (java.io.IOException e) {
                                            // the JVM is going away
                                        }
                                    }));
            return Optional.of(embedded.getJdbcUrl("postgres", "postgres"));
        } catch (Exception | LinkageError e) {
            problem = "embedded PostgreSQL did not start (" + e + "); set " + URL_ENV;
            return Optional.empty();
        }
    }
}
