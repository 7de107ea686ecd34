package org.lightlyjava.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lightlyjava.config.Config;
import org.lightlyjava.run.Progress;
import org.lightlyjava.run.RunContext;

/**
 * Run contexts for workflow tests: a run folder in a temp dir, silent progress, captured stdout.
 */
public final class Contexts {

    private Contexts() {}

    /**
     * Tiny-model settings that keep DJL tests fast: resnet-9 at width 1/4 (16 channels: PyTorch
     * 2.7.1 on AVX-512 miscomputes conv backward for channel counts that are not a multiple of 16,
     * see docs/architecture.md), 32 px inputs.
     */
    public static Config tiny(Path workingDir) {
        return Config.defaults(workingDir)
                .with("model.name", "resnet-9")
                .with("model.width", "0.25")
                .with("collate.input_size", "32")
                .with("pre_trained", "False")
                .with("loader.num_workers", "2");
    }

    /**
     * An environment that downloads from {@code zoo} (a server on loopback) into empty caches under
     * {@code dir}.
     */
    public static java.util.Map<String, String> online(Path dir, java.net.URI zoo) {
        return java.util.Map.of(
                "LIGHTLY_OFFLINE", "0",
                "LIGHTLY_ZOO_URL", zoo.toString(),
                "LIGHTLY_CACHE_DIR", dir.resolve("cache").toString(),
                "TORCH_HOME", dir.resolve("torch").toString());
    }

    /** A run context with the given environment instead of {@link #offline}. */
    public static RunContext in(
            Path runDir, Config config, StringWriter out, java.util.Map<String, String> env) {
        RunContext ctx = in(runDir, config, out);
        return new RunContext(ctx.config(), ctx.runDir(), ctx.progress(), ctx.out(), env);
    }

    public static RunContext in(Path runDir, Config config, StringWriter out) {
        try {
            Files.createDirectories(runDir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new RunContext(
                config,
                runDir,
                Progress.Factory.SILENT,
                new PrintWriter(out, true),
                offline(runDir));
    }

    /**
     * An environment that never downloads and whose caches are empty folders beside {@code dir}, so
     * no test reads what a developer's machine has cached.
     */
    public static java.util.Map<String, String> offline(Path dir) {
        Path base = dir.toAbsolutePath().getParent().resolve("caches");
        return java.util.Map.of(
                "LIGHTLY_OFFLINE", "1",
                "LIGHTLY_CACHE_DIR", base.resolve("lightly").toString(),
                "TORCH_HOME", base.resolve("torch").toString());
    }
}
