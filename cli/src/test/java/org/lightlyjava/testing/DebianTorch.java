package org.lightlyjava.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Python snippet with Debian's PyTorch ({@code /usr/bin/python3} with python3-torch), for
 * tests that check what real PyTorch makes of our files. Such tests are skipped where it is not
 * installed (CI has no PyTorch; the fixtures' expected values cover parity there).
 */
public final class DebianTorch {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static Boolean available;

    private DebianTorch() {}

    /** Skips the calling test unless {@code import torch} works. */
    public static void assumeAvailable() {
        assumeTrue(available(), "Debian's python3-torch is not installed");
    }

    private static synchronized boolean available() {
        if (available == null) {
            try {
                available = Files.isExecutable(PYTHON) && run("import torch").exit == 0;
            } catch (IOException e) {
                available = false;
            }
        }
        return available;
    }

    /** The result of a snippet: exit code and what it printed (stdout and stderr together). */
    public record Result(int exit, String output) {}

    /** Runs {@code code} with {@code args} as {@code sys.argv[1:]}. */
    public static Result run(String code, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-c", code));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("python did not finish in 120 s");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
