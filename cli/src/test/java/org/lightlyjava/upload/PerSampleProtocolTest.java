package org.lightlyjava.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.api.BitMask;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.model.DatasetCreateRequest;
import org.lightlyjava.api.model.TagData;
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
import org.slf4j.LoggerFactory;

/**
 * Lightly's per-sample calls (the protocol for servers without the batch route): a resumed upload
 * repairs exactly the samples that miss a blob, two clients filling one dataset at once leave an
 * initial tag over every sample, and a dataset name the server refuses stops lightly-magic before
 * it embeds.
 */
class PerSampleProtocolTest {

    @TempDir Path dir;
    private FaultyProxy proxy;
    private TestServer server;
    private LightlyClient client;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger uploaderLog = (Logger) LoggerFactory.getLogger(SampleUploader.class);

    @BeforeEach
    void start() throws IOException {
        System.setProperty("lightly.upload.batch", "false");
        proxy = new FaultyProxy(0, 1);
        server = TestServer.start(dir.resolve("server"), proxy.url().toString());
        proxy.target(server.direct());
        client = server.client();
        logs.start();
        uploaderLog.addAppender(logs);
        uploaderLog.setLevel(Level.INFO);
    }

    @AfterEach
    void stop() {
        uploaderLog.detachAppender(logs);
        uploaderLog.setLevel(null);
        System.clearProperty("lightly.upload.batch");
        System.clearProperty("lightly.retries");
        System.clearProperty("lightly.retry.delay.ms");
        server.close();
        proxy.close();
    }

    private Config config(String data, String... pairs) {
        Config config =
                Contexts.tiny(dir)
                        .with("input_dir", data)
                        .with("upload", "thumbnails")
                        .with("server_location", proxy.url().toString())
                        .with("token", server.token);
        for (int i = 0; i < pairs.length; i += 2) {
            config = config.with(pairs[i], pairs[i + 1]);
        }
        return config;
    }

    private Outcome upload(String run, Config config) {
        return UploadWorkflow.run(
                Contexts.in(dir.resolve(run), config, new StringWriter()), "test");
    }

    @Test
    void rerun_afterAnUploadStoppedMidway_countsAndSendsExactlyTheMissingThumbnails() {
        System.setProperty("lightly.retries", "2");
        System.setProperty("lightly.retry.delay.ms", "10");
        TestImages.classFolders(dir.resolve("data"), 2, 10, 40, 32);
        Config config = config("data", "new_dataset_name", "farm");
        // the server stops taking blobs after 10 thumbnails: samples are created in chunks of 16
        proxy.breakPutsAfter(10, FaultyProxy.Fault.RESET);
        assertThatThrownBy(() -> upload("a", config)).isInstanceOf(ToolException.class);
        String id = client.datasetsByName("farm").get(0).id();
        long created = client.dataset(id).nSamples();
        long missing =
                ServerState.of(client, id).samples().stream()
                        .filter(s -> s.contains("thumbBlob=none"))
                        .count();
        assertThat(missing).isEqualTo(created - 10).isPositive();

        proxy.breakPutsAfter(Long.MAX_VALUE, FaultyProxy.Fault.NONE); // counts PUTs from here
        assertThat(upload("b", config).failed()).isZero();

        assertThat(proxy.blobPuts()).isEqualTo(missing + (20 - created));
        assertThat(logs.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(
                        m -> assertThat(m).startsWith(missing + " samples already on the server"));
        upload("c", config("data", "new_dataset_name", "clean"));
        assertThat(ServerState.of(client, id))
                .isEqualTo(ServerState.of(client, client.datasetsByName("clean").get(0).id()));
    }

    @Test
    void twoClientsFillingOneDatasetAtOnce_leaveTheInitialTagOverEverySample() throws Exception {
        TestImages.classFolders(dir.resolve("small"), 1, 10, 40, 32);
        TestImages.classFolders(dir.resolve("large"), 1, 50, 40, 32);
        // different folder names, so the two folders hold different file names
        Files.move(dir.resolve("large/class_0"), dir.resolve("large/other"));
        String id = client.createDataset(DatasetCreateRequest.images("shared", "test"));
        CompletableFuture<Outcome> small =
                CompletableFuture.supplyAsync(
                        () -> upload("a", config("small", "dataset_id", id, "upload", "metadata")));
        CompletableFuture<Outcome> large =
                CompletableFuture.supplyAsync(
                        () -> upload("b", config("large", "dataset_id", id, "upload", "metadata")));
        assertThat(small.get().failed()).isZero();
        assertThat(large.get().failed()).isZero();

        assertThat(client.dataset(id).nSamples()).isEqualTo(60);
        TagData initial =
                client.tags(id).stream()
                        .filter(t -> t.name().equals("initial-tag"))
                        .findFirst()
                        .orElseThrow();
        assertThat(initial.bitMaskData()).isEqualTo(BitMask.all(60).toString());
    }

    @Test
    void magic_withADatasetNameTheServerRefuses_stopsBeforeEmbedding() throws IOException {
        TestImages.classFolders(dir.resolve("data"), 1, 2, 40, 32);
        Path run = dir.resolve("magic");
        assertThatThrownBy(
                        () ->
                                MagicWorkflow.run(
                                        Contexts.in(
                                                run,
                                                config(
                                                        "data",
                                                        "new_dataset_name",
                                                        "farm/2024",
                                                        "trainer.max_epochs",
                                                        "0"),
                                                new StringWriter()),
                                        "test"))
                .isInstanceOfSatisfying(
                        ToolException.class,
                        e -> {
                            assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG);
                            assertThat(e.getMessage()).contains("new_dataset_name='farm/2024'");
                        });
        try (Stream<Path> files = Files.walk(run)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("embeddings.csv");
        }
    }

    private void deleteThumbnail(String datasetId, String sampleId) throws IOException {
        Path blobs = dir.resolve("server/blobs").resolve(datasetId).resolve("thumbnail");
        try (Stream<Path> files = Files.walk(blobs)) {
            Path file =
                    files.filter(p -> p.getFileName().toString().equals(sampleId))
                            .findFirst()
                            .orElseThrow();
            Files.delete(file);
        }
    }
}
