package org.lightlyjava.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.config.Config;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.ToolException;

class EmbeddersTest {

    @TempDir Path dir;

    @Test
    void open_torchScriptBackbone_givesPyTorchsOutputs() throws IOException {
        Path module = copy("tiny_backbone.pt");
        Config config =
                Config.defaults(dir)
                        .with("checkpoint", "tiny_backbone.pt")
                        .with("collate.input_size", "32");
        JsonNode expected =
                new ObjectMapper().readTree(resource("tiny_backbone_expected.json")).get("output");
        float[] input = new float[2 * 3 * 32 * 32];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) (-1 + 2.0 * i / (input.length - 1));
        }
        try (Embedder embedder = Embedders.open(config, module, "checkpoint")) {
            assertThat(embedder.dimension()).isEqualTo(8);
            assertThat(embedder.describe()).contains("TorchScript");
            float[][] rows = embedder.embed(input, 2, 32);
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 8; c++) {
                    assertThat(rows[r][c])
                            .isCloseTo((float) expected.get(r).get(c).asDouble(), within(1e-5f));
                }
            }
        }
        assertThat(module).exists();
    }

    @Test
    void open_withoutCheckpoint_givesTheConfiguredRandomNetwork() {
        Config config =
                Config.defaults(dir)
                        .with("model.name", "resnet-9")
                        .with("model.width", "0.125")
                        .with("model.num_ftrs", "12")
                        .with("collate.input_size", "16")
                        .with("pre_trained", "False");
        try (Embedder embedder = Embedders.open(config, null, "checkpoint")) {
            assertThat(embedder.dimension()).isEqualTo(12);
            assertThat(embedder.embed(new float[3 * 16 * 16], 1, 16)[0]).hasSize(12);
        }
    }

    @Test
    void open_unreadableCheckpoint_isAConfigErrorNamingTheKey() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.pt"), "not a model");
        assertThatThrownBy(() -> Embedders.open(Config.defaults(dir), junk, "checkpoint"))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("checkpoint=" + junk)
                .hasMessageContaining("not a PyTorch checkpoint")
                .extracting(e -> ((ToolException) e).exitCode())
                .isEqualTo(ExitCode.CONFIG);
    }

    private Path copy(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = resource(name)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private InputStream resource(String name) {
        return Objects.requireNonNull(getClass().getResourceAsStream("/model/" + name), name);
    }
}
