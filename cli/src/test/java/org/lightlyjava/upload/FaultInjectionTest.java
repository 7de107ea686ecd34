package org.lightlyjava.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.config.Config;
import org.lightlyjava.embed.EmbedWorkflow;
import org.lightlyjava.run.Outcome;
import org.lightlyjava.server.testing.Postgres;
import org.lightlyjava.testing.Contexts;
import org.lightlyjava.testing.FaultyProxy;
import org.lightlyjava.testing.ServerState;
import org.lightlyjava.testing.TestImages;
import org.lightlyjava.testing.TestServer;

/**
 * Uploads through a proxy that fails 30% of all requests (API calls and blob PUTs alike) with 500,
 * 503, 429 or a dropped connection, before or after the server did the work; the end state must
 * equal a clean upload's: nothing lost, nothing twice. On SQLite and on PostgreSQL.
 */
class FaultInjectionTest {

    @TempDir Path dir;
    private FaultyProxy proxy;
    private TestServer server;

    @BeforeEach
    void start() throws IOException {
        System.setProperty("lightly.retries", "15");
        System.setProperty("lightly.retry.delay.ms", "2");
        TestImages.classFolders(dir.resolve("data"), 3, 6, 40, 32);
        proxy = new FaultyProxy(0.3, 42);
    }

    private void startServer(String database) {
        server =
                TestServer.start(
                        dir.resolve("server"),
                        proxy.url().toString(),
                        database.equals("postgresql") ? Postgres.freshSchema() : null);
        proxy.target(server.direct());
    }

    @AfterEach
    void stop() {
        System.clearProperty("lightly.retries");
        System.clearProperty("lightly.retry.delay.ms");
        if (server != null) {
            server.close();
        }
        proxy.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void flakyNetwork_losesNothingAndDuplicatesNothing(String database) {
        startServer(database);
        Path csv =
                EmbedWorkflow.run(
                                Contexts.in(
                                        dir.resolve("embed"),
                                        Contexts.tiny(dir).with("input_dir", "data"),
                                        new StringWriter()))
                        .embeddings();
        Config flaky =
                Contexts.tiny(dir)
                        .with("input_dir", "data")
                        .with("upload", "full")
                        .with("embeddings", csv.toString())
                        .with("token", server.token)
                        .with("server_location", proxy.url().toString())
                        .with("new_dataset_name", "flaky");
        Outcome outcome =
                UploadWorkflow.run(
                        Contexts.in(dir.resolve("a"), flaky, new StringWriter()), "test");
        assertThat(outcome).isEqualTo(new Outcome(18, 0));
        assertThat(proxy.faults()).as("faults injected").isGreaterThan(20);
        assertThat(
                        proxy.count(FaultyProxy.Fault.DONE_THEN_500)
                                + proxy.count(FaultyProxy.Fault.DONE_THEN_RESET))
                .isGreaterThan(3);

        proxy.failureRate(0);
        Config clean = flaky.with("new_dataset_name", "clean");
        UploadWorkflow.run(Contexts.in(dir.resolve("b"), clean, new StringWriter()), "test");

        LightlyClient client = server.client();
        ServerState flakyState = ServerState.of(client, client.datasetsByName("flaky").get(0).id());
        ServerState cleanState = ServerState.of(client, client.datasetsByName("clean").get(0).id());
        assertThat(flakyState.samples()).hasSize(18);
        assertThat(flakyState).isEqualTo(cleanState);
        assertThat(client.datasetsByName("flaky")).hasSize(1);
    }
}
