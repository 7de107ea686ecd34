package org.lightlyjava.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database password from a file, the environment or PostgreSQL's password file, never the
 * command line: against a PostgreSQL that asks for passwords (SCRAM) on TCP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresPasswordTest {

    private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());

    @TempDir Path dir;
    private EmbeddedPostgres postgres;
    private String url;

    @BeforeAll
    void start() throws Exception {
        Path hba = Files.createTempFile("pg_hba", ".conf");
        Files.writeString(
                hba,
                "local all all trust\n"
                        + "host all postgres 127.0.0.1/32 trust\n"
                        + "host all postgres ::1/128 trust\n"
                        + "host all all 127.0.0.1/32 scram-sha-256\n"
                        + "host all all ::1/128 scram-sha-256\n");
        try {
            postgres =
                    EmbeddedPostgres.builder().setServerConfig("hba_file", hba.toString()).start();
        } catch (Exception | LinkageError e) {
            assumeTrue(false, "embedded PostgreSQL did not start: " + e);
        }
        try (Connection c =
                        DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                Statement s = c.createStatement()) {
            s.execute("CREATE ROLE lj LOGIN PASSWORD '" + PASSWORD + "'");
            s.execute("CREATE DATABASE lj OWNER lj");
        }
        url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/lj?user=lj";
    }

    @AfterAll
    void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private int tokenCreate(Map<String, String> env, StringWriter err, String... more) {
        List<String> args = new ArrayList<>(List.of("token", "create", "--user", "alice"));
        args.addAll(List.of("--db", url));
        args.addAll(List.of(more));
        CommandEnv commandEnv =
                new CommandEnv(
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(err),
                        Map.copyOf(env),
                        StopSignal.manual());
        return ServerMain.run(commandEnv, args.toArray(String[]::new));
    }

    @Test
    void withoutAPassword_theDatabaseRefuses() {
        StringWriter err = new StringWriter();
        assertThat(tokenCreate(Map.of(), err)).as(err.toString()).isEqualTo(3);
    }

    @Test
    void aPasswordFile_isUsed() throws Exception {
        Path file = dir.resolve("db-password");
        Files.writeString(file, PASSWORD + "\n");
        StringWriter err = new StringWriter();
        assertThat(tokenCreate(Map.of(), err, "--db-password-file", file.toString()))
                .as(err.toString())
                .isZero();
        assertThat(err.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void theEnvironment_isUsed() {
        StringWriter err = new StringWriter();
        assertThat(tokenCreate(Map.of("LIGHTLY_DB_PASSWORD", PASSWORD), err))
                .as(err.toString())
                .isZero();
    }

    @Test
    void postgresqlsOwnPasswordFile_isUsed() throws Exception {
        Path pgpass = dir.resolve("pgpass");
        Files.writeString(pgpass, "*:*:lj:lj:" + PASSWORD + "\n");
        Files.setPosixFilePermissions(
                pgpass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        // the driver reads $PGPASSFILE, or this property, or ~/.pgpass
        System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
        try {
            StringWriter err = new StringWriter();
            assertThat(tokenCreate(Map.of(), err)).as(err.toString()).isZero();
        } finally {
            System.clearProperty("org.postgresql.pgpassfile");
        }
    }
}
