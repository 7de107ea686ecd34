package org.lightlyjava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lightlyjava.config.KeySpec;
import org.lightlyjava.config.Keys;

class HelpTest {

    @TempDir Path wd;

    private String help(Tool tool) {
        return help(tool, "--help");
    }

    private String help(Tool tool, String option) {
        CliHarness cli = new CliHarness(wd);
        assertThat(cli.run(tool.id(), option)).isZero();
        assertThat(cli.err()).isEmpty();
        return cli.out();
    }

    @ParameterizedTest
    @EnumSource(Tool.class)
    void helpAll_listsEveryKeyWithItsDefault(Tool tool) {
        String help = help(tool, "--help-all");

        for (KeySpec spec : Keys.all()) {
            String shown = spec.defaultValue().isEmpty() ? "''" : spec.defaultValue();
            assertThat(help).as(spec.name()).contains("  " + spec.name() + "=" + shown);
        }
        assertThat(help)
                .contains("Usage: " + tool.command() + " [-hqv]")
                .contains("[-c=job|hydra|all]");
    }

    @Test
    void help_listsTheToolsOwnKeysAndLeavesTheRestToHelpAll() {
        String embed = help(Tool.EMBED);
        String upload = help(Tool.UPLOAD);

        assertThat(embed)
                .contains("Keys of lightly-embed")
                .contains("  embed.resize=square")
                .contains("  collate.input_size=64")
                .doesNotContain("  token=")
                .doesNotContain("  optimizer.lr=")
                .contains("listed by --help-all");
        assertThat(upload)
                .contains("  token=''")
                .contains("  new_dataset_name=''")
                .doesNotContain("  optimizer.lr=")
                .doesNotContain("  embed.resize=");
        assertThat(help(Tool.DOWNLOAD))
                .contains("  tag_name=initial-tag")
                .doesNotContain("  seed=");
    }

    @Test
    void helpAll_listsTheToolsKeysFirst() {
        String help = help(Tool.DOWNLOAD, "--help-all");

        assertThat(help.indexOf("  tag_name=")).isLessThan(help.indexOf("Other keys"));
        assertThat(help.indexOf("Other keys")).isLessThan(help.indexOf("  optimizer.lr="));
    }

    @Test
    void magicHelp_saysNothingStaleAboutTheUpload() {
        assertThat(help(Tool.MAGIC))
                .doesNotContain("not in this build")
                .contains("without server_location");
    }

    @Test
    void magicAndUploadHelp_nameTheBrowseCommand_whichExists() {
        for (Tool tool : new Tool[] {Tool.MAGIC, Tool.UPLOAD}) {
            assertThat(help(tool).replaceAll("\\s+", " "))
                    .as(tool.id())
                    .contains("to be browsed with: lightly-server browse");
        }
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.PrintWriter printer = new java.io.PrintWriter(out);
        assertThat(org.lightlyjava.server.ServerMain.run(printer, printer, "browse", "--help"))
                .isZero();
        assertThat(out.toString()).contains("Usage: lightly-server browse");
    }

    @Test
    void help_groupsKeysAndExplainsThem() {
        String help = help(Tool.MAGIC);

        assertThat(help)
                .contains(" Input and output:")
                .contains(" Platform:")
                .contains(" Trainer (trainer.*):")
                .contains(" Augmentations (collate.*):")
                .contains(" Checkpoints (checkpoint_callback.*):")
                .contains("Training epochs (0: no training).")
                .contains("One of: full, thumbnails,");
        assertThat(help.indexOf(" Input and output:")).isLessThan(help.indexOf(" Trainer ("));
    }

    @Test
    void help_showsExitCodesEnvironmentAndExample() {
        String help = help(Tool.MAGIC);

        assertThat(help)
                .contains("Train a model, embed the images")
                .contains("Exit codes:")
                .contains("  0   Success.")
                .contains("  4   Internal error")
                .contains("LIGHTLY_TOKEN")
                .contains("LIGHTLY_SERVER_LOCATION")
                .contains("LIGHTLY_PROGRESS")
                .contains(
                        "lightly-magic input_dir=./farm trainer.max_epochs=10"
                                + " new_dataset_name=farm upload=metadata");
    }

    @Test
    void help_linesFitTheWidth() {
        for (Tool tool : Tool.values()) {
            assertThat(help(tool).lines())
                    .allSatisfy(
                            line ->
                                    assertThat(line.length())
                                            .as(line)
                                            .isLessThanOrEqualTo(HelpSections.WIDTH));
        }
    }
}
