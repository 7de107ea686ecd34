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
        CliHarness cli = new CliHarness(wd);
        assertThat(cli.run(tool.id(), "--help")).isZero();
        assertThat(cli.err()).isEmpty();
        return cli.out();
    }

    @ParameterizedTest
    @EnumSource(Tool.class)
    void help_listsEveryKeyWithItsDefault(Tool tool) {
        String help = help(tool);

        for (KeySpec spec : Keys.all()) {
            String shown = spec.defaultValue().isEmpty() ? "''" : spec.defaultValue();
            assertThat(help).as(spec.name()).contains("  " + spec.name() + "=" + shown);
        }
        assertThat(help)
                .contains("Usage: " + tool.command() + " [-hqv]")
                .contains("[-c=job|hydra|all]");
    }

    @Test
    void help_groupsKeysAndExplainsThem() {
        String help = help(Tool.TRAIN);

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
