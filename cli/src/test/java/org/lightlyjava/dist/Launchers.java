package org.lightlyjava.dist;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts the packaged launchers of {@code target/lightly-java/bin} as child processes. */
final class Launchers {

    static final Path DIST = Path.of(System.getProperty("lightly.dist", "target/lightly-java"));

    private Launchers() {}

    static ProcessBuilder builder(
            Path workingDir, Map<String, String> env, String tool, String... args) {
        List<String> command = new ArrayList<>();
        command.add(DIST.resolve("bin").resolve(tool).toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
        builder.environment().put("LIGHTLY_PROGRESS", "log");
        builder.environment().putAll(env);
        return builder;
    }
}
