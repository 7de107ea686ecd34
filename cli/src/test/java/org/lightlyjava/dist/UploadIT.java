package org.lightlyjava.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.client.RetryPolicy;
import org.lightlyjava.api.model.DatasetData;
import org.lightlyjava.server.LightlyServer;
import org.lightlyjava.server.ServerSettings;
import org.lightlyjava.server.testing.Postgres;
import org.lightlyjava.testing.ServerState;
import org.lightlyjava.testing.TestImages;
import org.lightlyjava.testing.TestServer;

/**
 * Uploads by the packaged launchers: the embedded default, kill -9 of the client in the middle (on
 * SQLite and PostgreSQL), and SIGTERM of a lightly-server process in the middle.
 */
class UploadIT {

    @TempDir Path dir;

    @Test
    void magic_withoutServerLocation_uploadsToTheEmbeddedServerOverTheLocalDataFolder()
            throws Exception {
        TestImages.classFolders(dir.resolve("data"), 2, 6, 48, 40);
        Path dataDir = dir.resolve("lightly-data");
        Process process =
                Launchers.builder(
                                dir,
                                Map.of("LIGHTLY_DATA_DIR", dataDir.toString()),
                                "lightly-magic",
                                "input_dir=data",
                                "new_dataset_name=farm",
                                "upload=thumbnails",
                                "trainer.max_epochs=1",
                                "model.name=resnet-9",
                                "model.width=0.25",
                                "collate.input_size=32",
                                "pre_trained=False")
                        .redirectOutput(dir.resolve("out.txt").toFile())
                        .redirectError(dir.resolve("err.txt").toFile())
                        .start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(dir.resolve("out.txt"));
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();
        assertThat(out)
                .contains(
                        "########## Starting to upload your dataset to the Lightly platform.",
                        "The dataset_id of the newly created dataset is",
                        "To browse it, run: lightly-server browse --data-dir " + dataDir);
        String err = Files.readString(dir.resolve("err.txt"));
        assertThat(err)
                .as(
                        "quiet by default: no request lines or jobs of the embedded server, no"
                                + " native PyTorch warnings")
                .doesNotContain("/v1/")
                .doesNotContain("2D projection")
                .doesNotContain("Warning:")
                .doesNotContain("[W");

        try (LightlyServer server =
                LightlyServer.start(ServerSettings.builder().dataDir(dataDir).port(0).build())) {
            LightlyClient client =
                    new LightlyClient(
                            java.net.URI.create(server.url()),
                            server.issueToken("local"),
                            RetryPolicy.LIGHTLY,
                            "test");
            DatasetData farm = client.datasetsByName("farm").get(0);
            assertThat(farm.nSamples()).isEqualTo(12);
            assertThat(farm.imgType()).isEqualTo("thumbnail");
            assertThat(client.tags(farm.id()))
                    .extracting(t -> t.name())
                    .containsExactly("initial-tag");
            assertThat(client.embeddings(farm.id()))
                    .singleElement()
                    .satisfies(e -> assertThat(e.isProcessed()).isTrue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void killNineMidUpload_thenRerun_endsAsAnUninterruptedUpload(String database) throws Exception {
        TestImages.classFolders(dir.resolve("data"), 3, 80, 320, 240);
        try (TestServer server =
                TestServer.start(
                        dir.resolve("server"),
                        null,
                        database.equals("postgresql") ? Postgres.freshSchema() : null)) {
            LightlyClient client = server.client();
            Map<String, String> env =
                    Map.of(
                            "LIGHTLY_TOKEN",
                            server.token,
                            "LIGHTLY_SERVER_LOCATION",
                            server.direct().toString());
            String[] args = {"input_dir=data", "new_dataset_name=crash", "upload=thumbnails"};
            int kills = 0;
            for (long afterSamples : List.of(1L, 120L)) {
                Process run = start(env, args);
                if (waitForSamples(client, "crash", afterSamples, run)) {
                    run.destroyForcibly(); // SIGKILL
                    kills++;
                }
                run.waitFor(1, TimeUnit.MINUTES);
            }
            Process finish = start(env, args);
            assertThat(finish.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(finish.exitValue()).isZero();
            assertThat(kills).as("the upload was killed at least once").isPositive();

            Process clean =
                    start(env, "input_dir=data", "new_dataset_name=clean", "upload=thumbnails");
            assertThat(clean.waitFor(3, TimeUnit.MINUTES)).isTrue();
            ServerState crashed =
                    ServerState.of(client, client.datasetsByName("crash").get(0).id());
            ServerState uninterrupted =
                    ServerState.of(client, client.datasetsByName("clean").get(0).id());
            assertThat(crashed.samples()).hasSize(240).noneMatch(s -> s.contains("thumbBlob=none"));
            assertThat(crashed).isEqualTo(uninterrupted);
        }
    }

    @Test
    void serverStoppedBySigtermMidUpload_uploadIsIncomplete_thenTheRerunFinishesIt()
            throws Exception {
        TestImages.classFolders(dir.resolve("data"), 3, 80, 320, 240);
        Path data = dir.resolve("server");
        Process create =
                Launchers.builder(
                                dir,
                                Map.of(),
                                "lightly-server",
                                "token",
                                "create",
                                "--user",
                                "alice",
                                "--data-dir",
                                data.toString())
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
        String token = new String(create.getInputStream().readAllBytes()).trim();
        assertThat(create.waitFor()).isZero();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + port);
        LightlyClient client = new LightlyClient(url, token, RetryPolicy.LIGHTLY, "test");
        Map<String, String> env =
                Map.of(
                        "LIGHTLY_TOKEN",
                        token,
                        "LIGHTLY_SERVER_LOCATION",
                        url.toString(),
                        // Lightly's per-sample calls spread the upload over the whole run
                        "JAVA_OPTS",
                        "-Dlightly.upload.batch=false -Dlightly.retry.delay.ms=200");
        String[] args = {"input_dir=data", "new_dataset_name=term", "upload=thumbnails"};

        Process server = serve(data, port);
        Process stopped = start(env, args);
        assertThat(waitForSamples(client, "term", 32, stopped)).as("stopped mid-upload").isTrue();
        server.destroy(); // SIGTERM
        assertThat(server.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(stopped.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(stopped.exitValue()).isEqualTo(1);
        assertThat(read(dir.resolve("upload.err")))
                .contains("The upload is incomplete: the server at " + url + " cannot be reached");
        assertThat(read(dir.resolve("upload.out"))).doesNotContain("Finished the upload");

        server = serve(data, port);
        try {
            Process rerun = start(env, args);
            assertThat(rerun.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(rerun.exitValue()).as(read(dir.resolve("upload.err"))).isZero();
            Process clean =
                    start(env, "input_dir=data", "new_dataset_name=clean", "upload=thumbnails");
            assertThat(clean.waitFor(3, TimeUnit.MINUTES)).isTrue();
            ServerState resumed = ServerState.of(client, client.datasetsByName("term").get(0).id());
            ServerState uninterrupted =
                    ServerState.of(client, client.datasetsByName("clean").get(0).id());
            assertThat(resumed.samples()).hasSize(240).noneMatch(s -> s.contains("thumbBlob=none"));
            assertThat(resumed).isEqualTo(uninterrupted);
        } finally {
            server.destroy();
            server.waitFor(1, TimeUnit.MINUTES);
        }
    }

    /** lightly-server in its own process, once it answers. */
    private Process serve(Path data, int port) throws Exception {
        Process server =
                Launchers.builder(
                                dir,
                                Map.of(),
                                "lightly-server",
                                "serve",
                                "--data-dir",
                                data.toString(),
                                "--host",
                                "127.0.0.1",
                                "--port",
                                String.valueOf(port))
                        .redirectOutput(
                                ProcessBuilder.Redirect.appendTo(
                                        dir.resolve("server.out").toFile()))
                        .redirectError(
                                ProcessBuilder.Redirect.appendTo(
                                        dir.resolve("server.err").toFile()))
                        .start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline && server.isAlive()) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return server;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError(
                "lightly-server did not start: " + read(dir.resolve("server.err")));
    }

    private Process start(Map<String, String> env, String... args) throws Exception {
        return Launchers.builder(dir, env, "lightly-upload", args)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(dir.resolve("upload.out").toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("upload.err").toFile()))
                .start();
    }

    /** Waits until the dataset holds {@code count} samples; false if the run ended first. */
    private static boolean waitForSamples(
            LightlyClient client, String name, long count, Process run)
            throws InterruptedException {
        while (run.isAlive()) {
            List<DatasetData> found = client.datasetsByName(name);
            if (!found.isEmpty() && client.dataset(found.get(0).id()).nSamples() >= count) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    static String read(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
