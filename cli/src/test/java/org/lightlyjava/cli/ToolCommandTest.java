package org.lightlyjava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.Outcome;
import org.lightlyjava.run.RunContext;
import org.lightlyjava.run.ToolException;
import org.slf4j.LoggerFactory;

/** Whole runs of train, embed and magic with a fake workflow in place of the real one. */
class ToolCommandTest {

    private static final String TOKEN = "TOPSECRET-42";

    @TempDir Path wd;

    private CliHarness cli;
    private final AtomicReference<RunContext> seen = new AtomicReference<>();

    @BeforeEach
    void setUp() {
        cli = new CliHarness(wd);
    }

    private void workflow(Outcome outcome) {
        cli.launcher =
                (tool, ctx) -> {
                    seen.set(ctx);
                    ctx.out()
                            .println(
                                    "Embeddings are stored at "
                                            + ctx.runDir().resolve("embeddings.csv"));
                    LoggerFactory.getLogger("org.lightlyjava.embed")
                            .info("calling ?token={} now", TOKEN);
                    return outcome;
                };
    }

    @Test
    void embed_runsWorkflowInFreshRunFolder() throws Exception {
        workflow(new Outcome(10, 0));

        int code = cli.run("embed", "input_dir=images", "token=" + TOKEN, "loader.batch_size=8");

        Path runDir = wd.resolve("lightly_outputs/2024-05-01/12-03-04");
        RunContext ctx = seen.get();
        assertThat(code).isZero();
        assertThat(ctx.runDir()).isEqualTo(runDir);
        assertThat(ctx.config().path("input_dir")).isEqualTo(wd.resolve("images"));
        assertThat(ctx.config().integer("loader.batch_size")).isEqualTo(8);
        assertThat(ctx.config().string("token")).isEqualTo(TOKEN);
        assertThat(cli.out())
                .isEqualTo("Embeddings are stored at " + runDir.resolve("embeddings.csv") + "\n");
        assertThat(runDir.resolve(".hydra/config.yaml")).exists();
        assertThat(runDir.resolve(".hydra/overrides.yaml")).exists();
    }

    @Test
    void embed_tokenNeverReachesRunFolderOrLogs() throws Exception {
        workflow(Outcome.EMPTY);

        assertThat(cli.run("embed", "token=" + TOKEN)).isZero();

        Path runDir = wd.resolve("lightly_outputs/2024-05-01/12-03-04");
        String log = Files.readString(runDir.resolve("embed.log"));
        assertThat(log).contains("calling ?token=*** now").doesNotContain(TOKEN);
        assertThat(cli.err()).contains("calling ?token=*** now").doesNotContain(TOKEN);
        try (var files = Files.walk(runDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(TOKEN);
            }
        }
    }

    @Test
    void train_twiceInOneSecond_usesTwoFolders() {
        workflow(Outcome.EMPTY);

        cli.run("train");
        Path first = seen.get().runDir();
        cli.run("train");

        assertThat(seen.get().runDir())
                .isNotEqualTo(first)
                .isEqualTo(wd.resolve("lightly_outputs/2024-05-01/12-03-04_1"));
    }

    @Test
    void embed_someItemsFailed_exitsPartial() {
        workflow(new Outcome(10, 3));

        assertThat(cli.run("embed")).isEqualTo(1);
        assertThat(cli.err())
                .contains("lightly-embed: 3 items failed (each is named above), 10 done");
    }

    @Test
    void train_configProblem_exitsConfig() {
        cli.launcher =
                (tool, ctx) -> {
                    throw new ToolException(
                            ExitCode.CONFIG, "The input directory /x does not exist!");
                };

        assertThat(cli.run("train", "input_dir=/x")).isEqualTo(3);
        assertThat(cli.err())
                .contains("lightly-train: The input directory /x does not exist!")
                .doesNotContain("For help");
    }

    @Test
    void magic_unexpectedFailure_exitsInternalWithHint() {
        cli.launcher =
                (tool, ctx) -> {
                    throw new IllegalStateException("tensor shape mismatch");
                };

        assertThat(cli.run("magic")).isEqualTo(4);
        assertThat(cli.err())
                .contains(
                        "lightly-magic: internal error: IllegalStateException:"
                                + " tensor shape mismatch; run with -v for details")
                .doesNotContain("at org.lightlyjava");
    }

    @Test
    void magic_unexpectedFailureVerbose_showsStackTrace() {
        cli.launcher =
                (tool, ctx) -> {
                    throw new IllegalStateException("tensor shape mismatch");
                };

        assertThat(cli.run("magic", "-v")).isEqualTo(4);
        assertThat(cli.err())
                .contains("IllegalStateException: tensor shape mismatch")
                .contains("at org.lightlyjava")
                .doesNotContain("run with -v");
    }

    @Test
    void train_launcherGetsTheTool() {
        AtomicReference<Tool> tool = new AtomicReference<>();
        cli.launcher =
                (t, ctx) -> {
                    tool.set(t);
                    return Outcome.EMPTY;
                };

        cli.run("lightly-magic");

        assertThat(tool.get()).isEqualTo(Tool.MAGIC);
    }

    @Test
    void embed_quiet_hidesInfoLogs() {
        workflow(Outcome.EMPTY);

        assertThat(cli.run("embed", "-q")).isZero();
        assertThat(cli.err()).doesNotContain("calling");
    }
}
