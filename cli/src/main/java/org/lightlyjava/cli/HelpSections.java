package org.lightlyjava.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lightlyjava.config.HydraArgs;
import org.lightlyjava.config.KeySpec;
import org.lightlyjava.config.KeyType;
import org.lightlyjava.config.Keys;
import org.lightlyjava.run.ProgressFactories;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The parts of {@code --help} that every tool shares: where outputs go, every key with its default
 * and meaning (grouped), the environment variables, and the exit codes.
 */
final class HelpSections {

    static final int WIDTH = 100;
    private static final int KEY_COLUMN = 44;
    private static final String KEYS = "lightlyKeys";
    private static final String ENVIRONMENT = "lightlyEnvironment";
    private static final Set<String> PLATFORM =
            Set.of(
                    "token",
                    "server_location",
                    "dataset_id",
                    "new_dataset_name",
                    "upload",
                    "append",
                    "resize",
                    "embedding_name",
                    "emb_upload_bsz",
                    "tag_name",
                    "exclude_parent_tag");
    private static final Map<String, String> GROUP_TITLES =
            Map.of(
                    "model", "Model",
                    "criterion", "Loss",
                    "optimizer", "Optimizer",
                    "collate", "Augmentations",
                    "loader", "Data loader",
                    "trainer", "Trainer",
                    "checkpoint_callback", "Checkpoints",
                    "environment_variable_names", "Environment variables the tools set",
                    "hydra", "Run folder");

    private HelpSections() {}

    static void install(CommandLine cmd, Tool tool) {
        cmd.setUsageHelpWidth(WIDTH);
        UsageMessageSpec usage = cmd.getCommandSpec().usageMessage();
        List<String> description = new ArrayList<>(List.of(usage.description()));
        if (tool.hasWorkflow()) {
            description.add(
                    "Outputs go to a new run folder lightly_outputs/<date>/<time>/"
                            + " (hydra.run.dir) under the current directory; relative paths resolve"
                            + " against the current directory.");
        }
        usage.description(description.toArray(String[]::new));
        usage.descriptionHeading("%n");
        usage.parameterListHeading("%nArguments:%n");
        usage.optionListHeading("%nOptions:%n");
        usage.exitCodeListHeading("%nExit codes:%n");
        usage.exitCodeList(exitCodes());
        cmd.getHelpSectionMap().put(KEYS, help -> keys(tool, showsAll(help)));
        cmd.getHelpSectionMap().put(ENVIRONMENT, help -> environment());
        List<String> order = new ArrayList<>(cmd.getHelpSectionKeys());
        order.addAll(
                order.indexOf(UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING),
                List.of(KEYS, ENVIRONMENT));
        cmd.setHelpSectionKeys(order);
    }

    /**
     * The keys {@code tool} reads as {@code key=default meaning}, grouped by topic; with {@code
     * all}, every other key after them, else a pointer to {@code --help-all}.
     */
    static String keys(Tool tool, boolean all) {
        List<KeySpec> own = Keys.all().stream().filter(k -> ToolKeys.uses(tool, k)).toList();
        List<KeySpec> other = Keys.all().stream().filter(k -> !ToolKeys.uses(tool, k)).toList();
        StringBuilder out = new StringBuilder();
        if (!own.isEmpty()) {
            out.append("\nKeys of ").append(tool.command());
            out.append(" (key=default; set them as key=value):\n");
            groups(out, own);
        }
        if (!all) {
            out.append(
                    String.format(
                            "%n%d more keys, read by the other tools, are listed by --help-all.%n",
                            other.size()));
            return out.toString();
        }
        out.append(
                own.isEmpty()
                        ? "\nKeys (" + tool.command() + " reads none; key=default):\n"
                        : "\nOther keys (read by the other tools; key=default):\n");
        groups(out, other);
        return out.toString();
    }

    private static void groups(StringBuilder out, List<KeySpec> specs) {
        Map<String, List<KeySpec>> groups = new LinkedHashMap<>();
        for (KeySpec spec : specs) {
            groups.computeIfAbsent(section(spec), s -> new ArrayList<>()).add(spec);
        }
        groups.forEach(
                (title, members) -> {
                    out.append("\n ").append(title).append(":\n");
                    members.forEach(
                            spec ->
                                    row(
                                            out,
                                            "  " + spec.name() + "=" + shown(spec),
                                            meaning(spec)));
                });
    }

    private static boolean showsAll(CommandLine.Help help) {
        CommandLine.ParseResult parsed = help.commandSpec().commandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption("--help-all");
    }

    static String environment() {
        StringBuilder out = new StringBuilder("\nEnvironment:\n");
        row(out, "  " + HydraArgs.ENV_TOKEN, "The API token, when token= is not given.");
        row(
                out,
                "  " + HydraArgs.ENV_SERVER_LOCATION,
                "The API base URL, when server_location= is not given.");
        row(
                out,
                "  " + ProgressFactories.ENV,
                "bar, log or none: how progress is shown (default: a bar when stderr is a terminal,"
                        + " else a log line every 10 s or 10 percent).");
        row(out, "  JAVA_OPTS", "Extra options for the Java runtime, for example -Xmx8g.");
        row(out, "  LIGHTLY_MALLOC", "jemalloc (the default when installed), glibc or system.");
        return out.toString();
    }

    static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("0", "Success.");
        codes.put(
                "1",
                "Partial failure: the run finished, but some files or samples failed"
                        + " (each is named in the log).");
        codes.put("2", "Usage error: unknown key, bad value or bad syntax.");
        codes.put(
                "3",
                "Configuration error: missing input or checkpoint, bad credentials, or a"
                        + " tool not available in this build.");
        codes.put("4", "Internal error; run with -v for the details.");
        return codes;
    }

    private static String section(KeySpec spec) {
        String group = spec.group();
        if (!group.isEmpty()) {
            return GROUP_TITLES.getOrDefault(group, group) + " (" + group + ".*)";
        }
        if (spec.type() == KeyType.PATH) {
            return "Input and output";
        }
        return PLATFORM.contains(spec.name()) ? "Platform" : "General";
    }

    private static String shown(KeySpec spec) {
        return spec.defaultValue().isEmpty() ? "''" : spec.defaultValue();
    }

    private static String meaning(KeySpec spec) {
        if (spec.type() != KeyType.CHOICE || spec.choices().size() < 2) {
            return spec.description();
        }
        return spec.description() + " One of: " + String.join(", ", spec.choices()) + ".";
    }

    /** {@code left}, then {@code text} wrapped in a column (on the next line if left is long). */
    private static void row(StringBuilder out, String left, String text) {
        StringBuilder line = new StringBuilder(left);
        if (left.length() > KEY_COLUMN - 2) {
            out.append(line).append('\n');
            line.setLength(0);
        }
        for (String word : text.split(" ")) {
            if (line.length() >= KEY_COLUMN && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                line.setLength(0);
            }
            pad(line);
            line.append(line.length() > KEY_COLUMN ? " " : "").append(word);
        }
        out.append(line).append('\n');
    }

    private static void pad(StringBuilder line) {
        while (line.length() < KEY_COLUMN) {
            line.append(' ');
        }
    }
}
