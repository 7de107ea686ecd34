package org.lightlyjava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.lightlyjava.config.ConfigException;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.Outcome;
import org.lightlyjava.run.ToolException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

class ExitCodeMapperTest {

    private final StringWriter err = new StringWriter();
    private final ExitCodeMapper mapper = new ExitCodeMapper("lightly-embed", new PrintWriter(err));

    private static CommandLine.ParameterException parameterException() {
        return new CommandLine.ParameterException(new CommandLine(CommandSpec.create()), "bad");
    }

    @Test
    void codeOf_mapsEachFailureType() {
        assertThat(ExitCodeMapper.codeOf(new ConfigException("seed", "bad")))
                .isEqualTo(ExitCode.USAGE);
        assertThat(ExitCodeMapper.codeOf(parameterException())).isEqualTo(ExitCode.USAGE);
        assertThat(ExitCodeMapper.codeOf(new ToolException(ExitCode.CONFIG, "no input")))
                .isEqualTo(ExitCode.CONFIG);
        assertThat(ExitCodeMapper.codeOf(new ToolException(ExitCode.PARTIAL, "some")))
                .isEqualTo(ExitCode.PARTIAL);
        assertThat(ExitCodeMapper.codeOf(new ToolException(ExitCode.INTERNAL, "bug")))
                .isEqualTo(ExitCode.INTERNAL);
        assertThat(ExitCodeMapper.codeOf(new IllegalStateException())).isEqualTo(ExitCode.INTERNAL);
        assertThat(ExitCodeMapper.codeOf(new UncheckedIOException(new java.io.IOException("disk"))))
                .isEqualTo(ExitCode.INTERNAL);
        assertThat(ExitCodeMapper.codeOf(new OutOfMemoryError())).isEqualTo(ExitCode.INTERNAL);
    }

    @Test
    void codeOf_toolExceptionSayingOk_isInternal() {
        assertThat(ExitCodeMapper.codeOf(new ToolException(ExitCode.OK, "odd")))
                .isEqualTo(ExitCode.INTERNAL);
    }

    @Test
    void exitCode_outcome_okOrPartial() {
        assertThat(mapper.exitCode(new Outcome(5, 0))).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(mapper.exitCode(new Outcome(5, 2))).isEqualTo(1);
        assertThat(err.toString())
                .isEqualTo("lightly-embed: 2 items failed (each is named above), 5 done\n");
    }

    @Test
    void handle_usage_addsHelpHint() {
        int code =
                mapper.handle(
                        new ConfigException("seed", "invalid value 'x' for seed"),
                        UnaryOperator.identity());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo(
                        "lightly-embed: invalid value 'x' for seed\n"
                                + "For help, try: lightly-embed --help\n");
    }

    @Test
    void handle_internal_isOneLineWithHint() {
        int code = mapper.handle(new NullPointerException(), UnaryOperator.identity());

        assertThat(code).isEqualTo(4);
        assertThat(err.toString())
                .isEqualTo(
                        "lightly-embed: internal error: NullPointerException; run with -v for"
                                + " details\n");
    }

    @Test
    void handle_outOfMemory_suggestsMoreHeap() {
        mapper.handle(new OutOfMemoryError("Java heap space"), UnaryOperator.identity());

        assertThat(err.toString()).contains("out of memory").contains("JAVA_OPTS=-Xmx");
    }

    @Test
    void handle_executionException_isUnwrapped() {
        CommandLine.ExecutionException wrapped =
                new CommandLine.ExecutionException(
                        new CommandLine(CommandSpec.create()),
                        "wrapped",
                        new ToolException(ExitCode.CONFIG, "bad credentials"));

        assertThat(mapper.handle(wrapped, UnaryOperator.identity())).isEqualTo(3);
        assertThat(err.toString()).isEqualTo("lightly-embed: bad credentials\n");
    }

    @Test
    void handle_masksMessage() {
        mapper.handle(
                new ToolException(ExitCode.CONFIG, "GET /x?token=abc failed"),
                text -> text.replace("abc", "***"));

        assertThat(err.toString()).contains("token=***").doesNotContain("abc");
    }

    @Test
    void handleParseException_isUsage() {
        assertThat(mapper.handleParseException(parameterException(), new String[0])).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("lightly-embed: bad\n" + "For help, try: lightly-embed --help\n");
    }
}
