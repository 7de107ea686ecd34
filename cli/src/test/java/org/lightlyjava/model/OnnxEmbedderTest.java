package org.lightlyjava.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.config.Config;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.ToolException;
import org.lightlyjava.testing.Parity;

class OnnxEmbedderTest {

    @TempDir Path dir;

    @Test
    void embed_givesWhatPyTorchComputesWithTheModuleItWasExportedFrom() throws IOException {
        try (OnnxEmbedder onnx =
                OnnxEmbedder.load(Parity.file("tiny_encoder.onnx"), "image_embeds", 2, 64)) {
            assertThat(onnx.inputSize()).isEqualTo(32);
            assertThat(onnx.dimension()).isEqualTo(24);
            float[][] rows = onnx.embed(CheckpointsTest.linspace(2 * 3 * 32 * 32), 2, 32);
            float[] flat = new float[48];
            System.arraycopy(rows[0], 0, flat, 0, 24);
            System.arraycopy(rows[1], 0, flat, 24, 24);
            CheckpointsTest.assertClose(
                    flat, CheckpointsTest.fixedOutputs().get("onnx_image_embeds"), "onnx");
        }
    }

    @Test
    void load_outputByIndexAndByName_areTheSame() throws IOException {
        try (OnnxEmbedder byIndex =
                        OnnxEmbedder.load(Parity.file("tiny_encoder.onnx"), "1", 2, 64);
                OnnxEmbedder byName =
                        OnnxEmbedder.load(
                                Parity.file("tiny_encoder.onnx"), "image_embeds", 2, 64)) {
            float[] x = CheckpointsTest.linspace(3 * 32 * 32);
            assertThat(byIndex.embed(x, 1, 32)[0]).containsExactly(byName.embed(x, 1, 32)[0]);
        }
    }

    @Test
    void load_inputThatIsNotAFloatNchwImage_saysWhatItFound() {
        assertThatThrownBy(() -> OnnxEmbedder.load(Parity.file("nhwc.onnx"), "", 2, 64))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("input image has type float and shape [1, 32, 32, 3]")
                .hasMessageContaining("(N, 3, H, W)");
        assertThatThrownBy(() -> OnnxEmbedder.load(Parity.file("int_input.onnx"), "", 2, 64))
                .hasMessageContaining("input image has type int64 and shape [1, 3, 32, 32]");
    }

    @Test
    void load_outputThatIsNotOneVectorPerImage_listsTheOutputs() {
        assertThatThrownBy(() -> OnnxEmbedder.load(Parity.file("tiny_encoder.onnx"), "", 2, 64))
                .hasMessageContaining("output last_hidden_state has type float and shape [?, ?, ?]")
                .hasMessageContaining("embed.output=")
                .hasMessageContaining("image_embeds [?, 24]");
        assertThatThrownBy(
                        () -> OnnxEmbedder.load(Parity.file("tiny_encoder.onnx"), "pooled", 2, 64))
                .hasMessageContaining("embed.output=pooled is not an output of the model");
    }

    @Test
    void open_badOnnxModel_isAConfigErrorNamingTheKey() throws IOException {
        Path junk = Files.write(dir.resolve("model.onnx"), new byte[] {8, 1, 2, 3});
        for (Path file : new Path[] {Parity.file("nhwc.onnx"), junk}) {
            assertThatThrownBy(() -> Embedders.open(Config.defaults(dir), file, "checkpoint"))
                    .isInstanceOf(ToolException.class)
                    .hasMessageStartingWith("checkpoint=" + file + ": ")
                    .extracting(e -> ((ToolException) e).exitCode())
                    .isEqualTo(ExitCode.CONFIG);
        }
    }

    @Test
    void open_withNormalize_givesUnitVectors() {
        Config config =
                Config.defaults(dir)
                        .with("embed.output", "image_embeds")
                        .with("embed.normalize", "True");
        try (Embedder embedder =
                Embedders.open(config, Parity.file("tiny_encoder.onnx"), "checkpoint")) {
            float[] e = embedder.embed(CheckpointsTest.linspace(3 * 32 * 32), 1, 32)[0];
            double norm = 0;
            for (float v : e) {
                norm += v * v;
            }
            assertThat(Math.sqrt(norm))
                    .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
        }
    }
}
