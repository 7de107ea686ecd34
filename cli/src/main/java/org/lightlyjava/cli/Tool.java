package org.lightlyjava.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The tools, named as the launcher passes them ({@code train}) or installed ({@code
 * lightly-train}).
 */
enum Tool {
    TRAIN("train"),
    EMBED("embed"),
    MAGIC("magic"),
    UPLOAD("upload"),
    DOWNLOAD("download"),
    VERSION("version");

    private static final String PREFIX = "lightly-";

    private final String id;

    Tool(String id) {
        this.id = id;
    }

    /** {@code train} or {@code lightly-train}, any case. */
    static Optional<Tool> find(String word) {
        String name = word.startsWith(PREFIX) ? word.substring(PREFIX.length()) : word;
        return Arrays.stream(values()).filter(t -> t.id.equalsIgnoreCase(name)).findFirst();
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(t -> t.id).toList();
    }

    String id() {
        return id;
    }

    /** The installed command, for example {@code lightly-train}. */
    String command() {
        return PREFIX + id;
    }

    /** The run's log file, as Hydra's {@code <app>.log}. */
    String logFile() {
        return id + ".log";
    }

    /** Whether the tool runs a workflow in a run folder (train, embed, magic). */
    boolean hasWorkflow() {
        return this == TRAIN || this == EMBED || this == MAGIC;
    }

    ToolCommand create(CliEnv cli) {
        return switch (this) {
            case TRAIN -> new TrainCommand(cli);
            case EMBED -> new EmbedCommand(cli);
            case MAGIC -> new MagicCommand(cli);
            case UPLOAD -> new UploadCommand(cli);
            case DOWNLOAD -> new DownloadCommand(cli);
            case VERSION -> new VersionCommand(cli);
        };
    }
}
