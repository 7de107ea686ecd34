package org.lightlyjava.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.config.Config;
import org.lightlyjava.testing.Contexts;
import org.lightlyjava.testing.Expected;
import org.lightlyjava.testing.FileServer;
import org.lightlyjava.testing.Parity;

/**
 * Given the same weights, lightly-embed gives the embeddings PyTorch gives (within 1e-4 per value)
 * on examples/farm and on a folder of mixed formats: Lightly's network from its model zoo (served
 * on loopback) and from a lightly-train checkpoint.
 */
class ParityTest {

    static final double TOLERANCE = 1e-4;

    @TempDir Path dir;
    FileServer zoo;

    @BeforeEach
    void serveTheZoo() throws IOException {
        zoo =
                new FileServer()
                        .statingChecksums()
                        .put(
                                "/models_boris/" + Parity.ZOO_FILE,
                                Files.readAllBytes(Parity.file(Parity.ZOO_FILE)));
    }

    @AfterEach
    void stop() {
        zoo.close();
    }

    @Test
    void pretrainedFromTheZoo_matchesPyTorch() throws IOException {
        Config config = lightlyFixture().with("pre_trained", "True");
        Map<String, String> online = Contexts.online(dir, zoo.url("/models_boris/"));
        embed(
                config.with("input_dir", Parity.farm().toString()),
                "farm",
                online,
                "expected_lightly_farm.csv");
        embed(
                config.with("input_dir", Parity.file("mixed").toString()),
                "mixed",
                online,
                "expected_lightly_mixed.csv");
        assertThat(zoo.requests()).as("downloaded once, then cached").isEqualTo(1);
    }

    @Test
    void lightlyTrainCheckpoint_matchesPyTorch() throws IOException {
        Config config =
                lightlyFixture().with("checkpoint", Parity.file("lightly_epoch_7.ckpt").toString());
        embed(
                config.with("input_dir", Parity.farm().toString()),
                "farm",
                Contexts.offline(dir.resolve("x")),
                "expected_lightly_farm.csv");
        embed(
                config.with("input_dir", Parity.file("mixed").toString()),
                "mixed",
                Contexts.offline(dir.resolve("x")),
                "expected_lightly_mixed.csv");
    }

    @Test
    void onnxExport_matchesPyTorchRunningTheModuleItCameFrom() throws IOException {
        // CLIP's preprocessing in miniature: shorter side to 36 (bicubic), centre crop 32
        Config config =
                Config.defaults(dir)
                        .with("checkpoint", Parity.file("tiny_encoder.onnx").toString())
                        .with("embed.resize", "shorter_side")
                        .with("embed.resize_size", "36")
                        .with("embed.interpolation", "bicubic")
                        .with("embed.mean", "[0.48145466,0.4578275,0.40821073]")
                        .with("embed.std", "[0.26862954,0.26130258,0.27577711]")
                        .with("embed.output", "image_embeds")
                        .with("embed.normalize", "True")
                        .with("loader.batch_size", "8")
                        .with("loader.num_workers", "2");
        // collate.input_size stays at its default: the model's fixed 32x32 input wins
        Map<String, String> env = Contexts.offline(dir.resolve("x"));
        embed(
                config.with("input_dir", Parity.farm().toString()),
                "farm",
                env,
                "expected_onnx_farm.csv");
        embed(
                config.with("input_dir", Parity.file("mixed").toString()),
                "mixed",
                env,
                "expected_onnx_mixed.csv");
    }

    /** Lightly's zoo entry resnet-9/simclr/d16/w0.125 at Lightly's input size 64. */
    private Config lightlyFixture() {
        return Config.defaults(dir)
                .with("model.name", "resnet-9")
                .with("model.width", "0.125")
                .with("model.num_ftrs", "16")
                .with("loader.num_workers", "2");
    }

    private void embed(Config config, String run, Map<String, String> env, String expected)
            throws IOException {
        EmbedWorkflow.Result result =
                EmbedWorkflow.run(Contexts.in(dir.resolve(run), config, new StringWriter(), env));
        assertThat(result.outcome().failed()).isZero();
        Expected.assertMatches(result.embeddings(), expected, TOLERANCE);
    }
}
