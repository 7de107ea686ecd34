package org.lightlyjava.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heap limit of the standalone launcher ({@code src/main/dist/lightly-server}), run with a
 * stand-in {@code java} that prints the options it was given.
 */
class LauncherHeapTest {

    @TempDir Path dir;

    @Test
    void heap_isHalfAGigabyteUnlessTold() throws Exception {
        assertThat(run(Map.of()).output).contains("-Xmx512m ");
        assertThat(run(Map.of("LIGHTLY_HEAP", "2g")).output)
                .contains("-Xmx2g ")
                .doesNotContain("-Xmx512m");
        assertThat(run(Map.of("JAVA_OPTS", "-Xmx3g")).output)
                .contains("-Xmx3g")
                .doesNotContain("-Xmx512m");
        Result refused = run(Map.of("LIGHTLY_HEAP", "plenty"));
        assertThat(refused.exit).isEqualTo(3);
        assertThat(refused.output).contains("LIGHTLY_HEAP=plenty is not a size");
    }

    private record Result(int exit, String output) {}

    private Result run(Map<String, String> env) throws Exception {
        Path java = dir.resolve("java");
        if (!Files.exists(java)) {
            Files.writeString(java, "#!/bin/sh\necho \"$@\"\n");
            Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        ProcessBuilder builder =
                new ProcessBuilder("bash", Path.of("src/main/dist/lightly-server").toString())
                        .redirectErrorStream(true);
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("LIGHTLY_HEAP");
        builder.environment().put("JAVA", java.toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out);
    }
}
