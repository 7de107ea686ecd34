package org.lightlyjava.cli;

import org.lightlyjava.run.Verbosity;
import picocli.CommandLine.Option;

/** The options every tool takes: help, verbosity, and Hydra's {@code --cfg}. */
final class CommonOptions {

    /** What {@code --cfg} prints, as Hydra's {@code --cfg job|hydra|all}. */
    enum CfgPart {
        JOB,
        HYDRA,
        ALL;

        /** Whether {@code key} belongs to this part: {@code hydra.*} keys are Hydra's own. */
        boolean includes(String key) {
            boolean hydra = key.startsWith("hydra.");
            return this == ALL || (this == HYDRA) == hydra;
        }
    }

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description =
                    "Show this help, with the keys of this tool and their defaults, and exit.")
    boolean help;

    @Option(
            names = "--help-all",
            help = true,
            description = "Show the help with every key of every tool, and exit.")
    boolean helpAll;

    @Option(
            names = "-v",
            description = "Log more: -v debug for lightly-java, -vv debug for all libraries too.")
    boolean[] verbose = new boolean[0];

    @Option(names = "-q", description = "Log only warnings and errors; no progress.")
    boolean quiet;

    @Option(
            names = {"-c", "--cfg"},
            paramLabel = "job|hydra|all",
            description =
                    "Print the merged configuration as YAML (secrets masked) and exit without"
                            + " running: job = the tool's keys, hydra = hydra.*, all = both.")
    CfgPart cfg;

    /** {@code -q} wins over {@code -v}. */
    Verbosity verbosity() {
        return Verbosity.of(verbose.length, quiet);
    }
}
