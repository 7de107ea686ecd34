package org.lightlyjava.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.api.embeddings.EmbeddingsCsv;
import org.lightlyjava.testing.TestImages;

/**
 * Runs the packaged launchers of {@code target/lightly-java/bin} as a user would: separate
 * processes over the {@code lib/} folder, so ImageIO plugins and the PyTorch engine must be found
 * through {@code META-INF/services} of the real jars.
 */
class DistributionIT {

    private static final Path DIST =
            Path.of(System.getProperty("lightly.dist", "target/lightly-java"));

    @TempDir Path dir;

    @Test
    void versionCheck_findsJpegTiffWebpReadersAndThePyTorchEngine() throws Exception {
        Result result = run("lightly-version", "--check");
        assertThat(result.code).as(result.err).isZero();
        assertThat(result.out)
                .startsWith("lightly version ")
                .contains("reader jpeg: com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReader")
                .contains("reader tiff: com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReader")
                .containsPattern("reader webp: \\S+")
                .containsPattern("writer webp: \\S+")
                .contains("engine: PyTorch 2.7.1 on cpu()")
                .contains("onnx: ONNX Runtime 1.22.0 [CPU]")
                .contains("malloc: ")
                .doesNotContain("MISSING");
    }

    @Test
    void magic_tinyModelOneEpoch_givesACheckpointAndOneRowPerGoodImage() throws Exception {
        TestImages.classFolders(dir.resolve("data"), 2, 8, 48, 40);
        Files.writeString(dir.resolve("data/class_1/broken.jpg"), "not an image");
        Result result =
                run(
                        "lightly-magic",
                        "input_dir=data",
                        "trainer.max_epochs=1",
                        "model.name=resnet-9",
                        "model.width=0.25",
                        "collate.input_size=32",
                        "pre_trained=False");

        assertThat(result.code).as(result.err).isEqualTo(1); // the broken file, named on stderr
        assertThat(result.err).contains("broken.jpg");
        assertThat(result.out)
                .contains(
                        "########## Starting to train an embedding model.",
                        "########## Starting to embed your dataset.",
                        "########## Finished");
        Path run = onlyRunFolder();
        assertThat(run.resolve("lightly_epoch_0.ckpt")).isRegularFile();
        assertThat(run.resolve("last.ckpt")).isRegularFile();
        assertThat(run.resolve("magic.log")).isRegularFile();
        EmbeddingsCsv.Table table = EmbeddingsCsv.read(run.resolve("embeddings.csv"));
        assertThat(table.size()).isEqualTo(16);
        assertThat(table.labels().subList(0, 8)).containsOnly(0);
        assertThat(table.labels().subList(8, 16)).containsOnly(1);
        assertThat(Files.readAllLines(run.resolve("metadata.jsonl"))).hasSize(16);
    }

    @Test
    void unknownKey_exitsWithTwoAndASuggestion() throws Exception {
        Result result = run("lightly-embed", "input_dir=data", "max_epochs=3");
        assertThat(result.code).isEqualTo(2);
        assertThat(result.err).contains("max_epochs").contains("trainer.max_epochs");
    }

    private Path onlyRunFolder() throws IOException {
        try (Stream<Path> days = Files.list(dir.resolve("lightly_outputs"))) {
            Path day = days.findFirst().orElseThrow();
            try (Stream<Path> runs = Files.list(day)) {
                return runs.findFirst().orElseThrow();
            }
        }
    }

    private record Result(int code, String out, String err) {}

    private Result run(String tool, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(DIST.resolve("bin").resolve(tool).toString());
        command.addAll(List.of(args));
        Path out = dir.resolve(tool + ".out");
        Path err = dir.resolve(tool + ".err");
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile());
        builder.environment().put("LIGHTLY_PROGRESS", "log");
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished in time").isTrue();
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
