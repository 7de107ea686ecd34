package org.lightlyjava.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.testing.TestImages;

/**
 * A CPU without NNPACK support, made here by interposing {@code nnp_initialize} (libtorch exports
 * it) with one that answers "unsupported hardware", as NNPACK does on CPUs without AVX2. Before the
 * fix, every single-image batch printed PyTorch's "Could not initialize NNPACK!" warning.
 */
class NnpackIT {

    @TempDir Path dir;

    @Test
    void embed_onACpuWithoutNnpack_printsNoNnpackWarning() throws Exception {
        Path gcc = Path.of("/usr/bin/gcc");
        assumeTrue(Files.isExecutable(gcc), "needs gcc to build the stand-in NNPACK");
        Path source = dir.resolve("nnp.c");
        Files.writeString(source, "int nnp_initialize(void) { return 51; }\n");
        Path shim = dir.resolve("libnnp.so");
        Process cc =
                new ProcessBuilder(
                                gcc.toString(),
                                "-shared",
                                "-fPIC",
                                "-o",
                                shim.toString(),
                                source.toString())
                        .inheritIO()
                        .start();
        assumeTrue(cc.waitFor(60, TimeUnit.SECONDS) && cc.exitValue() == 0, "gcc failed");
        TestImages.classFolders(dir.resolve("data"), 1, 3, 48, 40);

        Process embed =
                Launchers.builder(
                                dir,
                                Map.of("LD_PRELOAD", shim.toString(), "LIGHTLY_OFFLINE", "1"),
                                "lightly-embed",
                                "input_dir=data",
                                "loader.batch_size=1",
                                "model.name=resnet-9",
                                "model.width=0.25",
                                "collate.input_size=32",
                                "pre_trained=False")
                        .redirectErrorStream(true)
                        .start();
        String output = new String(embed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(embed.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(embed.exitValue()).as(output).isZero();
        assertThat(output).contains("Embeddings are stored at").doesNotContain("NNPACK");
    }
}
