package org.lightlyjava.cli;

import java.util.List;
import java.util.Map;
import org.lightlyjava.config.Assignment;
import org.lightlyjava.config.Config;
import org.lightlyjava.image.ImageFormats;
import org.lightlyjava.model.Engines;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.LogSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lightly-version}: prints {@code lightly version <x.y.z>}; with {@code --check}, also what
 * the installation found: image readers, the WebP writer, the PyTorch engine and ONNX Runtime.
 */
@Command(
        name = "lightly-version",
        header = "Print the version of lightly-java.",
        description = {
            "Prints 'lightly version <x.y.z>'. Settings are checked but not used.",
            "With --check, also lists the image readers, the WebP writer, the PyTorch engine and"
                    + " ONNX Runtime this installation found, and exits with 3 when one is missing."
        },
        footerHeading = "%nExample:%n",
        footer = "  lightly-version")
final class VersionCommand extends ToolCommand {

    @Option(
            names = "--check",
            description =
                    "Also check the image plugins and the PyTorch engine (starts the engine).")
    boolean check;

    VersionCommand(CliEnv cli) {
        super(cli, Tool.VERSION);
    }

    @Override
    int execute(Config config, List<Assignment> assignments, LogSession logs) {
        cli.out().println("lightly version " + Version.current());
        return check ? check() : ExitCode.OK.code();
    }

    private int check() {
        boolean ok = true;
        cli.out()
                .println(
                        "java: "
                                + Runtime.version()
                                + " ("
                                + System.getProperty("java.vendor")
                                + ")");
        for (Map.Entry<String, String> reader : ImageFormats.readers().entrySet()) {
            ok &= reader.getValue() != null;
            cli.out()
                    .println("reader " + reader.getKey() + ": " + missingIfNull(reader.getValue()));
        }
        String webp = ImageFormats.webpWriter();
        ok &= webp != null;
        cli.out().println("writer webp: " + missingIfNull(webp));
        try {
            cli.out().println("engine: " + Engines.describe() + " on " + Engines.device(1));
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            ok = false;
            cli.out().println("engine: MISSING (" + e.getMessage() + ")");
        }
        try {
            cli.out().println("onnx: " + Engines.onnxRuntime());
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            ok = false;
            cli.out().println("onnx: MISSING (" + e.getMessage() + ")");
        }
        String malloc = cli.env().get("LIGHTLY_MALLOC_IN_USE");
        cli.out()
                .println(
                        "malloc: "
                                + (malloc == null ? "system (not started by a launcher)" : malloc));
        return ok ? ExitCode.OK.code() : ExitCode.CONFIG.code();
    }

    private static String missingIfNull(String value) {
        return value == null ? "MISSING" : value;
    }
}
