package org.lightlyjava.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.testing.TestImages;

/**
 * Ctrl-C (SIGINT) and SIGTERM sent to the packaged lightly-train mid-run: one line says what was
 * interrupted, which checkpoint was kept and how to resume; the exit code is 130 or 143.
 */
class InterruptIT {

    @TempDir Path dir;

    @Test
    void sigint_afterACheckpoint_namesItAndTheResumeCommand() throws Exception {
        String err = interrupt("INT", 130, "epoch 3/");

        List<String> lines = err.lines().toList();
        String last = lines.get(lines.size() - 1);
        assertThat(last)
                .startsWith("lightly-train: interrupted (SIGINT) during epoch 3/50")
                .contains("; kept checkpoint ")
                .contains("last.ckpt; resume with: lightly-train input_dir=data")
                .contains("trainer.max_epochs=50")
                .endsWith("last.ckpt");
        assertThat(err.lines().filter(l -> l.contains("interrupted"))).hasSize(1);
    }

    @Test
    void sigterm_beforeAnyCheckpoint_saysNoneWasKept() throws Exception {
        String err = interrupt("TERM", 143, "epoch 1/");

        assertThat(err)
                .contains("lightly-train: interrupted (SIGTERM) during epoch 1/50")
                .contains("no checkpoint was kept yet; resume with: lightly-train input_dir=data");
    }

    /** Starts a long training run, sends {@code signal} once stderr shows {@code after}. */
    private String interrupt(String signal, int expectedCode, String after) throws Exception {
        TestImages.classFolders(dir.resolve("data"), 2, 16, 48, 40);
        ProcessBuilder builder =
                Launchers.builder(
                        dir,
                        Map.of(),
                        "lightly-train",
                        "input_dir=data",
                        "trainer.max_epochs=50",
                        "model.name=resnet-9",
                        "model.width=0.25",
                        "collate.input_size=32",
                        "loader.batch_size=4",
                        "pre_trained=False");
        // A shell that starts a job in the background (nohup, `&` in a script, some CI runners)
        // starts it with SIGINT ignored, and the JVM then leaves SIGINT alone, as nohup asks:
        // the run gets the default dispositions back, as a terminal's foreground job has them.
        builder.command().addAll(0, List.of("env", "--default-signal=INT,TERM"));
        Process process = builder.start();
        process.getOutputStream().close();
        CountDownLatch seen = new CountDownLatch(1);
        StringBuilder err = new StringBuilder();
        CompletableFuture<Void> reader =
                CompletableFuture.runAsync(
                        () -> {
                            try (BufferedReader in =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    process.getErrorStream(),
                                                    StandardCharsets.UTF_8))) {
                                for (String line; (line = in.readLine()) != null; ) {
                                    synchronized (err) {
                                        err.append(line).append('\n');
                                    }
                                    if (line.contains(after)) {
                                        seen.countDown();
                                    }
                                }
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        });
        CompletableFuture.runAsync(() -> drain(process));
        assertThat(seen.await(120, TimeUnit.SECONDS)).as("%s", err).isTrue();
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        reader.get(10, TimeUnit.SECONDS);
        assertThat(process.exitValue()).as("%s", err).isEqualTo(expectedCode);
        assertThat(Files.exists(dir.resolve("lightly_outputs"))).isTrue();
        return err.toString();
    }

    private static void drain(Process process) {
        try {
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.io.IOException e) {
            // the process ended
        }
    }
}
