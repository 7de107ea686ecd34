package org.lightlyjava.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Response;

/** A PostgreSQL that goes down makes the server answer 503 within seconds, not 500 after 30 s. */
class PostgresOutageTest {

    @TempDir Path dir;

    @Test
    void aDatabaseOutage_answers503AtOnce() throws Exception {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (Exception | LinkageError e) {
            assumeTrue(false, "embedded PostgreSQL did not start: " + e);
            return;
        }
        ServerSettings settings =
                ServerSettings.builder()
                        .dataDir(dir)
                        .port(0)
                        .database(postgres.getJdbcUrl("postgres", "postgres"))
                        .build();
        try (LightlyServer server = LightlyServer.start(settings)) {
            Api alice = new Api(server.url(), server.issueToken("alice"));
            assertThat(alice.get("/v1/datasets").status()).isEqualTo(200);
            postgres.close();
            long start = System.nanoTime();
            Response down = alice.get("/v1/datasets");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(down.status()).as(down.body()).isEqualTo(503);
            assertThat(down.code()).isEqualTo("DATABASE_UNAVAILABLE");
            assertThat(down.headers().firstValue("Retry-After")).isPresent();
            assertThat(ms).as("answered after %d ms", ms).isLessThan(8_000);
        } finally {
            postgres.close();
        }
    }
}
