package org.lightlyjava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionCheckTest {

    @TempDir Path dir;

    @Test
    void check_findsEveryImagePluginAndThePyTorchEngine() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                Main.run(
                        new PrintWriter(out),
                        new PrintWriter(err),
                        Map.of(),
                        dir,
                        "version",
                        "--check");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("reader jpeg: com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReader")
                .contains("reader tiff: com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReader")
                .contains("reader webp: ")
                .contains("reader pnm: com.twelvemonkeys")
                .contains("writer webp: ")
                .contains("engine: PyTorch 2.7.1 on cpu()")
                .doesNotContain("MISSING");
    }
}
