package org.lightlyjava.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.model.DuplicatesRequest;
import org.lightlyjava.api.model.JobStatusData;
import org.lightlyjava.api.model.SamplingCreateRequest;
import org.lightlyjava.config.Config;
import org.lightlyjava.magic.MagicWorkflow;
import org.lightlyjava.run.Outcome;
import org.lightlyjava.testing.Contexts;
import org.lightlyjava.testing.TestImages;
import org.lightlyjava.testing.TestServer;

/**
 * The curation loop end to end: lightly-magic uploads embeddings, the server selects a diverse
 * subset (CORESET) and the near-duplicates into tags, and lightly-download exports those tags.
 */
class SelectedTagDownloadTest {

    @TempDir Path dir;

    @Test
    void coresetAndDuplicateTags_areDownloadedLikeAnyOther() throws Exception {
        Path data = TestImages.classFolders(dir.resolve("data"), 2, 5, 40, 30);
        // an exact copy: its embedding equals the original's, so it is a near-duplicate
        Files.copy(data.resolve("class_0/img_000.jpg"), data.resolve("class_0/img_000_copy.jpg"));
        try (TestServer server = TestServer.start(dir.resolve("server"))) {
            LightlyClient client = server.client();
            Config base =
                    Contexts.tiny(dir)
                            .with("server_location", server.direct().toString())
                            .with("token", server.token);
            MagicWorkflow.run(
                    Contexts.in(
                            dir.resolve("magic"),
                            base.with("input_dir", "data")
                                    .with("trainer.max_epochs", "0")
                                    .with("new_dataset_name", "farm")
                                    .with("upload", "metadata"),
                            new StringWriter()),
                    "test");
            String datasetId = client.datasetsByName("farm").get(0).id();
            String embeddingId = client.embeddings(datasetId).get(0).id();

            JobStatusData coreset =
                    client.waitForJob(
                            client.startSampling(
                                    datasetId,
                                    embeddingId,
                                    SamplingCreateRequest.of("diverse-4", "CORESET", 4, -1)),
                            Duration.ofSeconds(60));
            assertThat(coreset.status()).isEqualTo("FINISHED");
            JobStatusData duplicates =
                    client.waitForJob(
                            client.startDuplicates(
                                    datasetId,
                                    embeddingId,
                                    new DuplicatesRequest(1e-6, "copies", null)),
                            Duration.ofSeconds(60));
            assertThat(duplicates.status()).isEqualTo("FINISHED");

            Config download = base.with("dataset_id", datasetId).with("input_dir", "data");
            Outcome picked =
                    DownloadWorkflow.run(
                            Contexts.in(
                                    dir.resolve("d1"),
                                    download.with("tag_name", "diverse-4")
                                            .with("output_dir", "diverse"),
                                    new StringWriter()),
                            "test");
            assertThat(picked).isEqualTo(new Outcome(4, 0));
            List<String> names = Files.readAllLines(dir.resolve("d1/diverse-4.txt"));
            assertThat(names).hasSize(4).doesNotHaveDuplicates();
            assertThat(files(dir.resolve("diverse"))).containsExactlyInAnyOrderElementsOf(names);

            DownloadWorkflow.run(
                    Contexts.in(
                            dir.resolve("d2"),
                            download.with("tag_name", "copies"),
                            new StringWriter()),
                    "test");
            assertThat(Files.readAllLines(dir.resolve("d2/copies.txt")))
                    .containsExactly("class_0/img_000_copy.jpg");
        }
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString())
                    .toList();
        }
    }
}
