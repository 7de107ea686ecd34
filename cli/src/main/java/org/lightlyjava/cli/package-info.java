/**
 * The command-line surface: {@link org.lightlyjava.cli.Main} picks the tool from the first word (as
 * the launcher script passes it), and each tool is a picocli command that only translates:
 * Hydra-style {@code key=value} words become a {@link org.lightlyjava.config.Config}, the command
 * creates the run folder and logging, makes one call into the tool's workflow (through {@code
 * Launcher}), and maps the outcome or failure to an exit code through {@code ExitCodeMapper}.
 *
 * <p>Results go to stdout; logs, progress and error messages go to stderr. Nothing here writes to
 * {@code System.out} or {@code System.err} except {@code Main.main}, which hands them to {@code
 * Main.run}.
 */
package org.lightlyjava.cli;
