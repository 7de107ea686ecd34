package org.lightlyjava.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.api.embeddings.EmbeddingsCsv;
import org.lightlyjava.config.Config;
import org.lightlyjava.testing.Contexts;
import org.lightlyjava.testing.FileServer;
import org.lightlyjava.testing.Parity;
import org.lightlyjava.testing.TestImages;

/**
 * pre_trained=True when the zoo cannot help: Lightly's warning, random weights, the run goes on.
 */
class PretrainedTest {

    @TempDir Path dir;

    @Test
    void zooFileThatDoesNotFit_fallsBackToRandomWeights() throws IOException {
        TestImages.classFolders(dir.resolve("data"), 2, 3, 40, 30);
        // the fixture is a resnet-9 file, served under the name of resnet-18/simclr/d32/w1.0
        try (FileServer zoo =
                new FileServer()
                        .put(
                                "/zoo/whattolabel-resnet18-simclr-d32-w1.0-i-085d0693.pth",
                                Files.readAllBytes(Parity.file(Parity.ZOO_FILE)))) {
            Config config =
                    Config.defaults(dir)
                            .with("input_dir", "data")
                            .with("collate.input_size", "32")
                            .with("loader.num_workers", "2");
            Map<String, String> env = Contexts.online(dir, zoo.url("/zoo/"));
            EmbedWorkflow.Result result =
                    EmbedWorkflow.run(
                            Contexts.in(dir.resolve("run"), config, new StringWriter(), env));
            assertThat(zoo.requests()).isEqualTo(1);
            assertThat(result.outcome().failed()).isZero();
            assertThat(EmbeddingsCsv.read(result.embeddings()).size()).isEqualTo(6);
        }
    }

    @Test
    void offlineWithEmptyCaches_embedsWithRandomWeights() throws IOException {
        TestImages.classFolders(dir.resolve("data"), 2, 3, 40, 30);
        Config config = Contexts.tiny(dir).with("input_dir", "data").with("pre_trained", "True");
        EmbedWorkflow.Result result =
                EmbedWorkflow.run(Contexts.in(dir.resolve("run"), config, new StringWriter()));
        assertThat(result.outcome().failed()).isZero();
        assertThat(EmbeddingsCsv.read(result.embeddings()).dimension()).isEqualTo(32);
    }
}
