package org.lightlyjava.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;

/**
 * The start-up the build records into the class data sharing archive ({@code lib/lightly.jsa}, see
 * {@code bench/startup}): every tool's {@code --help}, {@code lightly-version} and a usage error,
 * in one JVM, so the archive holds the classes those paths load. Run by the launcher when {@code
 * LIGHTLY_CDS_DUMP} names the archive to write; not a tool.
 */
public final class CdsTraining {

    private CdsTraining() {}

    public static void main(String[] args) {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        Map<String, String> env = Map.of();
        Path dir = Path.of("").toAbsolutePath();
        for (Tool tool : Tool.values()) {
            Main.run(sink, sink, env, dir, tool.id(), "--help");
            Main.run(sink, sink, env, dir, tool.id(), "--help-all");
        }
        Main.run(sink, sink, env, dir, Tool.VERSION.id());
        Main.run(sink, sink, env, dir, Tool.EMBED.id(), "no_such_key=1");
        Main.run(sink, sink, env, dir, "--help");
    }
}
