package org.lightlyjava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs of {@link Main} that stop before any workflow: version, help, --cfg, usage errors. */
class MainTest {

    @TempDir Path wd;

    private CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(wd);
    }

    @Test
    void version_printsProjectVersion() {
        assertThat(cli.run("version")).isZero();
        assertThat(cli.out()).isEqualTo("lightly version " + Version.current() + "\n");
        assertThat(Version.current()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void version_publicRun_usesInjectedWriters() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code =
                Main.run(
                        new PrintWriter(out),
                        new PrintWriter(err),
                        Map.of(),
                        wd,
                        "lightly-version");

        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("lightly version ");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void run_noTool_isUsageError() {
        assertThat(cli.run()).isEqualTo(2);
        assertThat(cli.err()).contains("no tool given").contains("train, embed, magic");
    }

    @Test
    void run_help_listsTools() {
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.out()).contains("Tools: train, embed, magic, upload, download, version");
    }

    @Test
    void run_unknownTool_suggestsClosest() {
        assertThat(cli.run("trian", "input_dir=x")).isEqualTo(2);
        assertThat(cli.err()).contains("unknown tool 'trian': did you mean train?");
    }

    @Test
    void run_lightlyPrefixedName_isAccepted() {
        assertThat(cli.run("lightly-magic", "--cfg", "job")).isZero();
        assertThat(cli.out()).contains("input_dir:");
    }

    @Test
    void cfgJob_printsMergedConfigWithTokenMasked() {
        int code =
                cli.run(
                        "magic",
                        "--cfg",
                        "job",
                        "token=TOPSECRET-42",
                        "trainer.max_epochs=10",
                        "collate.sigmas=[0.1,2.0]");

        assertThat(code).isZero();
        assertThat(cli.out())
                .contains("token: '***'")
                .contains("max_epochs: 10")
                .contains("- 0.1")
                .doesNotContain("TOPSECRET")
                .doesNotContain("hydra:");
        assertThat(cli.err()).doesNotContain("TOPSECRET");
        assertThat(wd.resolve("lightly_outputs")).doesNotExist();
    }

    @Test
    void cfgJob_tokenFromEnvironment_isMaskedToo() {
        cli.env.put("LIGHTLY_TOKEN", "ENVSECRET-7");

        assertThat(cli.run("train", "-c", "job")).isZero();
        assertThat(cli.out()).contains("token: '***'").doesNotContain("ENVSECRET");
    }

    @Test
    void cfgHydra_printsOnlyHydraKeys() {
        assertThat(cli.run("train", "--cfg=hydra", "hydra.run.dir=out")).isZero();
        assertThat(cli.out()).isEqualTo("hydra:\n  run:\n    dir: out\n");
    }

    @Test
    void run_unknownKey_exitsUsageWithSuggestion() {
        assertThat(cli.run("train", "max_epochs=5")).isEqualTo(2);
        assertThat(cli.err())
                .isEqualTo(
                        "lightly-train: unknown key 'max_epochs': did you mean"
                                + " trainer.max_epochs?\n"
                                + "For help, try: lightly-train --help\n");
        assertThat(wd.resolve("lightly_outputs")).doesNotExist();
    }

    @Test
    void run_badValue_exitsUsageNamingKeyValueAndExpectation() {
        assertThat(cli.run("embed", "loader.batch_size=big")).isEqualTo(2);
        assertThat(cli.err())
                .contains(
                        "lightly-embed: invalid value 'big' for loader.batch_size: expected an"
                                + " integer");
    }

    @Test
    void run_wordWithoutEquals_exitsUsage() {
        assertThat(cli.run("embed", "./images")).isEqualTo(2);
        assertThat(cli.err()).contains("not a key=value setting").contains("input_dir=./images");
    }

    @Test
    void run_unknownOption_exitsUsage() {
        assertThat(cli.run("train", "--epochs", "5")).isEqualTo(2);
        assertThat(cli.err())
                .contains("lightly-train: Unknown option: '--epochs'")
                .contains("For help, try: lightly-train --help");
    }

    @Test
    void run_badCfgPart_exitsUsage() {
        assertThat(cli.run("train", "--cfg", "everything")).isEqualTo(2);
        assertThat(cli.err()).contains("--cfg");
    }

    @Test
    void uploadAndDownload_runTheirWorkflowInARunFolder() {
        java.util.List<Tool> launched = new java.util.ArrayList<>();
        cli.launcher =
                (tool, ctx) -> {
                    launched.add(tool);
                    assertThat(ctx.runDir()).exists();
                    return org.lightlyjava.run.Outcome.EMPTY;
                };
        assertThat(cli.run("upload", "input_dir=x", "new_dataset_name=farm")).isZero();
        assertThat(cli.run("lightly-download", "dataset_id=abc")).isZero();
        assertThat(launched).containsExactly(Tool.UPLOAD, Tool.DOWNLOAD);
    }

    @Test
    void upload_badKey_isStillUsageError() {
        assertThat(cli.run("upload", "dataset=abc")).isEqualTo(2);
    }

    @Test
    void workflowRefusingItsSettings_leavesNoRunFolder() throws java.io.IOException {
        java.nio.file.Files.writeString(wd.resolve("a-file"), "x");
        cli.launcher = Launcher.WORKFLOWS;

        assertThat(cli.run("embed", "input_dir=nope")).isEqualTo(3);
        assertThat(cli.run("embed", "input_dir=a-file")).isEqualTo(3);
        assertThat(cli.err()).contains("is a file");
        assertThat(cli.run("embed", "input_dir=a-file", "embed.resize=oval")).isEqualTo(2);

        assertThat(wd.resolve("lightly_outputs")).doesNotExist();
    }

    @Test
    void failedRunThatWroteOutputs_keepsItsRunFolder() {
        cli.launcher =
                (tool, ctx) -> {
                    try {
                        java.nio.file.Files.writeString(ctx.runDir().resolve("part.csv"), "x");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    throw new org.lightlyjava.run.ToolException(
                            org.lightlyjava.run.ExitCode.CONFIG, "refused later");
                };

        assertThat(cli.run("upload", "input_dir=x", "new_dataset_name=farm")).isEqualTo(3);
        assertThat(wd.resolve("lightly_outputs")).isDirectory();
    }
}
