package org.lightlyjava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.testing.Parity;
import org.lightlyjava.testing.TestImages;

/** Weights that cannot be used stop lightly-embed and lightly-train with exit 3, naming the key. */
class BadWeightsTest {

    @TempDir Path dir;
    CliHarness cli;

    @BeforeEach
    void setUp() {
        TestImages.classFolders(dir.resolve("data"), 2, 2, 40, 30);
        cli = new CliHarness(dir);
        cli.launcher = Launcher.WORKFLOWS;
    }

    @Test
    void pickleThatWouldRunCode() {
        assertRefused("embed", Parity.file("evil.pth"), "posix.system");
        assertRefused("train", Parity.file("evil.pth"), "posix.system");
    }

    @Test
    void truncatedCheckpoint() throws IOException {
        byte[] whole = Files.readAllBytes(Parity.file("lightly_epoch_7.ckpt"));
        Path cut = Files.write(dir.resolve("cut.ckpt"), Arrays.copyOf(whole, whole.length / 2));
        assertRefused("embed", cut, "truncated");
    }

    @Test
    void shapesThatDoNotFitTheModel() {
        assertRefused(
                "embed",
                Parity.file("lightly_epoch_7.ckpt"),
                "backbone.1.weight has shape [8, 3, 3, 3] in the file but [64, 3, 3, 3]");
    }

    @Test
    void onnxModelWithoutAnImageInput() {
        assertRefused(
                "embed",
                Parity.file("nhwc.onnx"),
                "input image has type float and shape [1, 32, 32, 3]");
    }

    @Test
    void missingFile() {
        assertRefused("embed", dir.resolve("nope.ckpt"), "file not found");
    }

    private void assertRefused(String tool, Path checkpoint, String reason) {
        int code =
                cli.run(
                        tool,
                        "input_dir=data",
                        "checkpoint=" + checkpoint,
                        "trainer.max_epochs=1",
                        "collate.input_size=32",
                        "loader.num_workers=1");
        assertThat(code).as(cli.err()).isEqualTo(3);
        assertThat(cli.err()).contains("checkpoint=" + checkpoint).contains(reason);
    }
}
