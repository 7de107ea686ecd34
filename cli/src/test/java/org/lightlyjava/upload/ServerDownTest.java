package org.lightlyjava.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.config.Config;
import org.lightlyjava.magic.MagicWorkflow;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.Outcome;
import org.lightlyjava.run.ToolException;
import org.lightlyjava.testing.Contexts;
import org.lightlyjava.testing.FaultyProxy;
import org.lightlyjava.testing.ServerState;
import org.lightlyjava.testing.TestImages;
import org.lightlyjava.testing.TestServer;

/**
 * A server that goes away during an upload: the upload stops after one request's retries, says it
 * is incomplete, never that it finished, and the same command finishes it once the server is back.
 */
class ServerDownTest {

    /** One request's retries: 100 + 200 + 400 + 800 + 1600 ms. */
    private static final long ONE_REQUEST_MS = 3100;

    @TempDir Path dir;
    private FaultyProxy proxy;
    private TestServer server;

    @BeforeEach
    void start() throws IOException {
        System.setProperty("lightly.retries", "6");
        System.setProperty("lightly.retry.delay.ms", "100");
        proxy = new FaultyProxy(0, 1);
        server = TestServer.start(dir.resolve("server"), proxy.url().toString());
        proxy.target(server.direct());
    }

    @AfterEach
    void stop() {
        System.clearProperty("lightly.retries");
        System.clearProperty("lightly.retry.delay.ms");
        server.close();
        proxy.close();
    }

    private Config config(String name) {
        return Contexts.tiny(dir)
                .with("input_dir", "data")
                .with("upload", "thumbnails")
                .with("server_location", proxy.url().toString())
                .with("token", server.token)
                .with("new_dataset_name", name);
    }

    @Test
    void closedPort_failsAfterOneRequestsRetries_namingTheServer() throws IOException {
        TestImages.classFolders(dir.resolve("data"), 1, 3, 40, 32);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        long start = System.nanoTime();
        assertThatThrownBy(
                        () ->
                                UploadWorkflow.run(
                                        Contexts.in(
                                                dir.resolve("run"),
                                                config("farm").with("server_location", url),
                                                new StringWriter()),
                                        "test"))
                .isInstanceOfSatisfying(
                        ToolException.class,
                        e -> {
                            assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG);
                            assertThat(e.getMessage())
                                    .contains("The server at " + url + " cannot be reached");
                        });
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3 * ONE_REQUEST_MS);
    }

    @Test
    void serverGoneMidUpload_stopsAfterOneRequestsRetries_thenTheRerunFinishes() {
        TestImages.classFolders(dir.resolve("data"), 3, 24, 40, 32);
        proxy.breakPutsAfter(10, FaultyProxy.Fault.RESET);
        long start = System.nanoTime();
        assertThatThrownBy(
                        () ->
                                UploadWorkflow.run(
                                        Contexts.in(
                                                dir.resolve("a"),
                                                config("gone"),
                                                new StringWriter()),
                                        "test"))
                .isInstanceOfSatisfying(
                        ToolException.class,
                        e -> {
                            assertThat(e.exitCode()).isEqualTo(ExitCode.PARTIAL);
                            assertThat(e.getMessage())
                                    .startsWith("The upload is incomplete")
                                    .contains(proxy.url() + " cannot be reached")
                                    .contains("run the same command again");
                        });
        // 62 images left at 6 tries each would take minutes; one request's retries, seconds
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3 * ONE_REQUEST_MS);
        assertThat(proxy.blobPuts()).isLessThan(10 + 6 * 16);

        proxy.heal();
        StringWriter out = new StringWriter();
        Outcome rerun =
                UploadWorkflow.run(Contexts.in(dir.resolve("b"), config("gone"), out), "test");
        assertThat(rerun.failed()).isZero();
        assertThat(out.toString()).contains("Finished the upload of the dataset.");
        UploadWorkflow.run(
                Contexts.in(dir.resolve("c"), config("clean"), new StringWriter()), "test");
        LightlyClient client = server.client();
        ServerState gone = ServerState.of(client, client.datasetsByName("gone").get(0).id());
        ServerState clean = ServerState.of(client, client.datasetsByName("clean").get(0).id());
        assertThat(gone.samples()).hasSize(72);
        assertThat(gone).isEqualTo(clean);
    }

    @Test
    void blobsThatNeverArrive_makeTheUploadIncomplete_inLightlyUpload() {
        System.setProperty("lightly.retries", "2");
        TestImages.classFolders(dir.resolve("data"), 2, 4, 40, 32);
        proxy.breakPutsAfter(3, FaultyProxy.Fault.STATUS_503);
        StringWriter out = new StringWriter();
        Outcome outcome =
                UploadWorkflow.run(Contexts.in(dir.resolve("a"), config("farm"), out), "test");
        assertThat(outcome).isEqualTo(new Outcome(3, 5));
        assertThat(out.toString())
                .contains(
                        "The upload is incomplete: 5 of 8 images are not on the server: 5 did"
                                + " not reach it")
                .doesNotContain("Finished the upload");
        LightlyClient client = server.client();
        assertThat(client.tags(client.datasetsByName("farm").get(0).id())).isEmpty();
    }

    @Test
    void blobsThatNeverArrive_makeLightlyMagicFail() {
        System.setProperty("lightly.retries", "2");
        TestImages.classFolders(dir.resolve("data"), 2, 4, 40, 32);
        proxy.breakPutsAfter(3, FaultyProxy.Fault.STATUS_503);
        StringWriter out = new StringWriter();
        Outcome outcome =
                MagicWorkflow.run(
                        Contexts.in(
                                dir.resolve("a"),
                                config("farm").with("trainer.max_epochs", "0"),
                                out),
                        "test");
        assertThat(outcome.failed()).isEqualTo(5);
        assertThat(outcome.exitCode()).isEqualTo(ExitCode.PARTIAL);
        assertThat(out.toString())
                .contains("The upload is incomplete: 5 of 8 images")
                .doesNotContain("Finished the upload", "########## Finished");
    }
}
