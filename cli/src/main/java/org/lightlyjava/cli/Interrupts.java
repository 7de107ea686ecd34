package org.lightlyjava.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lightlyjava.api.Printable;
import org.lightlyjava.config.Config;
import org.lightlyjava.run.StageTracker;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C and SIGTERM during a run: the progress display is closed, one line says what was
 * interrupted, which checkpoint was kept and the command that resumes, and the process exits with
 * 128 + the signal's number (130, 143), as without this handler. Installed only when the CLI owns
 * the process ({@link Main#main}).
 */
final class Interrupts implements AutoCloseable {

    private static final String RESUME_KEY = "trainer.resume_from_checkpoint";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=+,@%\\[\\]-]+");

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private Interrupts() {}

    /** Handles SIGINT and SIGTERM until closed; {@code report} is printed on {@code err}. */
    static Interrupts install(
            Tool tool,
            List<String> words,
            Config config,
            Path runDir,
            StageTracker stages,
            PrintWriter err,
            UnaryOperator<String> mask) {
        Interrupts interrupts = new Interrupts();
        SignalHandler handler =
                signal -> {
                    String line =
                            message(
                                    "SIG" + signal.getName(),
                                    tool,
                                    stages.stage(),
                                    keptCheckpoint(tool, config, runDir),
                                    words);
                    stages.closeOpen();
                    err.println(mask.apply(Printable.text(line)));
                    err.flush();
                    System.exit(128 + signal.getNumber());
                };
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal signal = new Signal(name);
                interrupts.previous.add(Signal.handle(signal, handler));
                interrupts.signals.add(signal);
            } catch (IllegalArgumentException e) {
                // the signal is taken by the JVM (-Xrs) or unknown here: keep its default
            }
        }
        return interrupts;
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }

    /**
     * The line an interrupted run prints, for example {@code lightly-train: interrupted (SIGINT)
     * during epoch 3/10 (2/5 step); kept checkpoint /r/last.ckpt; resume with: lightly-train
     * input_dir=data trainer.resume_from_checkpoint=/r/last.ckpt}.
     */
    static String message(
            String signal,
            Tool tool,
            Optional<String> stage,
            Optional<Path> checkpoint,
            List<String> words) {
        StringBuilder line = new StringBuilder(tool.command()).append(": interrupted (");
        line.append(signal).append(')');
        stage.ifPresent(s -> line.append(' ').append(s));
        List<String> resume = new ArrayList<>();
        for (String word : words) {
            if (!word.replaceFirst("^\\+{1,2}", "").startsWith(RESUME_KEY + "=")) {
                resume.add(word);
            }
        }
        if (checkpoint.isPresent()) {
            line.append("; kept checkpoint ").append(checkpoint.get());
            resume.add(RESUME_KEY + "=" + checkpoint.get());
        } else if (tool == Tool.TRAIN || tool == Tool.MAGIC) {
            line.append("; no checkpoint was kept yet");
        }
        line.append("; ").append(resumeVerb(tool)).append(": ").append(tool.command());
        resume.forEach(word -> line.append(' ').append(quoted(word)));
        return line.toString();
    }

    private static String resumeVerb(Tool tool) {
        return switch (tool) {
            case UPLOAD, DOWNLOAD -> "the same command continues where this one stopped";
            default -> "resume with";
        };
    }

    /** The latest checkpoint of a training run: {@code last.ckpt}, else the newest epoch file. */
    static Optional<Path> keptCheckpoint(Tool tool, Config config, Path runDir) {
        if (tool != Tool.TRAIN && tool != Tool.MAGIC) {
            return Optional.empty();
        }
        Path dir =
                config.isSet("checkpoint_callback.dirpath")
                        ? config.path("checkpoint_callback.dirpath")
                        : runDir;
        Path last = dir.resolve("last.ckpt");
        if (Files.isRegularFile(last)) {
            return Optional.of(last);
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("lightly_epoch_"))
                    .filter(f -> f.getFileName().toString().endsWith(".ckpt"))
                    .max(Comparator.comparing(Interrupts::modified));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String quoted(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
