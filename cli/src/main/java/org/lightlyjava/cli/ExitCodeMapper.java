package org.lightlyjava.cli;

import java.io.PrintWriter;
import java.util.function.UnaryOperator;
import org.lightlyjava.api.Printable;
import org.lightlyjava.api.client.ApiException;
import org.lightlyjava.config.ConfigException;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.Outcome;
import org.lightlyjava.run.ToolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place that turns how a run ended into an exit code and a message on stderr: 0 ok, 1 some
 * items failed, 2 usage ({@link ConfigException}, picocli's {@link ParameterException}), 3 a {@link
 * ToolException} with {@link ExitCode#CONFIG}, 4 anything else (one line, the stack trace at
 * debug).
 */
final class ExitCodeMapper implements IParameterExceptionHandler, IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ExitCodeMapper.class);

    private final String command;
    private final PrintWriter err;

    ExitCodeMapper(String command, PrintWriter err) {
        this.command = command;
        this.err = err;
    }

    /** The exit code for a failure. A {@link ToolException} keeps its code, unless it says OK. */
    static ExitCode codeOf(Throwable t) {
        if (t instanceof ConfigException || t instanceof ParameterException) {
            return ExitCode.USAGE;
        }
        if (t instanceof ToolException e && e.exitCode() != ExitCode.OK) {
            return e.exitCode();
        }
        if (t instanceof ApiException e
                && (e.status() == 0 || e.status() == 401 || e.status() == 403)) {
            // the server cannot be reached, or refuses the token: the configuration is at fault
            return ExitCode.CONFIG;
        }
        return ExitCode.INTERNAL;
    }

    /** Reports a run that finished: a line on stderr when items failed. */
    int exitCode(Outcome outcome) {
        if (outcome.failed() > 0) {
            err.printf(
                    "%s: %d items failed (each is named above), %d done%n",
                    command, outcome.failed(), outcome.done());
            err.flush();
        }
        return outcome.exitCode().code();
    }

    /** Reports a failure on stderr, with {@code mask} applied, and returns its exit code. */
    int handle(Throwable failure, UnaryOperator<String> mask) {
        Throwable t =
                failure instanceof CommandLine.ExecutionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
        ExitCode code = codeOf(t);
        err.println(mask.apply(command + ": " + Printable.text(message(t, code))));
        if (code == ExitCode.USAGE) {
            err.println("For help, try: " + command + " --help");
        }
        err.flush();
        if (code == ExitCode.INTERNAL || t.getCause() != null) {
            LOG.debug("{} failed", command, t);
        }
        return code.code();
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        err.println(command + ": " + Printable.text(ex.getMessage()));
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("For help, try: " + command + " --help");
        err.flush();
        return ExitCode.USAGE.code();
    }

    @Override
    public int handleExecutionException(
            Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        return handle(ex, UnaryOperator.identity());
    }

    private String message(Throwable t, ExitCode code) {
        if (t instanceof ApiException e && e.status() == 401) {
            // not the server's text: it may quote "?token=...", which masking would garble
            return "the server refused the token (HTTP 401"
                    + (e.code() == null ? "" : " " + e.code())
                    + "): check the token setting or the environment variable LIGHTLY_TOKEN";
        }
        if (code != ExitCode.INTERNAL) {
            return t.getMessage();
        }
        String text =
                t instanceof ToolException || t instanceof ApiException
                        ? t.getMessage()
                        : "internal error: " + describe(t);
        return LOG.isDebugEnabled() ? text : text + "; run with -v for details";
    }

    private static String describe(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "out of memory (give Java more with JAVA_OPTS=-Xmx<size>, or lower"
                    + " loader.batch_size)";
        }
        String message = t.getMessage();
        String name = t.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }
}
