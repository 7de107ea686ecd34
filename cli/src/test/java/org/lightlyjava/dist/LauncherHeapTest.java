package org.lightlyjava.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's heap limit: runs {@code src/main/dist/launcher.sh} under a tool's name with a
 * stand-in {@code java} that prints the options it was given.
 */
class LauncherHeapTest {

    @TempDir Path dir;
    private Path fakeJava;

    @BeforeEach
    void layOut() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.copy(Path.of("src/main/dist/launcher.sh"), bin.resolve("launcher.sh"));
        for (String tool : new String[] {"lightly-server", "lightly-embed"}) {
            Files.createSymbolicLink(bin.resolve(tool), bin.resolve("launcher.sh"));
        }
        fakeJava = dir.resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\necho \"$@\"\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void server_getsHalfAGigabyteUnlessTold() throws Exception {
        assertThat(run("lightly-server", Map.of())).contains("-Xmx512m ").doesNotContain("MaxRAM");
        assertThat(run("lightly-server", Map.of("LIGHTLY_HEAP", "2g")))
                .contains("-Xmx2g ")
                .doesNotContain("-Xmx512m");
        assertThat(run("lightly-server", Map.of("JAVA_OPTS", "-Xmx3g -Dx=1")))
                .contains("-Xmx3g -Dx=1")
                .doesNotContain("-Xmx512m");
        assertThat(run("lightly-server", Map.of("JAVA_OPTS", "-XX:MaxRAMPercentage=60")))
                .doesNotContain("-Xmx");
    }

    @Test
    void tools_getAQuarterOfTheMemoryLeavingTheRestToPyTorch() throws Exception {
        assertThat(run("lightly-embed", Map.of()))
                .contains("-XX:MaxRAMPercentage=25 ")
                .doesNotContain("-Xmx");
        assertThat(run("lightly-embed", Map.of("LIGHTLY_HEAP", "6g"))).contains("-Xmx6g ");
    }

    @Test
    void aHeapThatIsNotASize_isRefused() throws Exception {
        ProcessBuilder builder = builder("lightly-server", Map.of("LIGHTLY_HEAP", "lots"));
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(3);
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("LIGHTLY_HEAP=lots is not a size");
    }

    private String run(String tool, Map<String, String> env) throws Exception {
        Process process = builder(tool, env).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    private ProcessBuilder builder(String tool, Map<String, String> env) {
        ProcessBuilder builder =
                new ProcessBuilder("bash", dir.resolve("bin").resolve(tool).toString())
                        .redirectErrorStream(true);
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("LIGHTLY_HEAP");
        builder.environment().put("JAVA", fakeJava.toString());
        builder.environment().putAll(env);
        return builder;
    }
}
