package org.lightlyjava.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.config.Assignment;
import org.lightlyjava.config.Config;
import org.lightlyjava.config.ConfigException;
import org.lightlyjava.config.HydraArgs;

class RunFolderTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2024-05-01T12:03:04.5Z"), ZoneOffset.UTC);

    @TempDir Path wd;

    private Path create(String... words) {
        List<Assignment> assignments = HydraArgs.parse(List.of(words));
        Config config = HydraArgs.apply(Config.defaults(wd), assignments, Map.of());
        return RunFolder.create(config, assignments, CLOCK);
    }

    @Test
    void create_default_isDateAndTimeUnderWorkingDir() {
        assertThat(create())
                .isEqualTo(wd.resolve("lightly_outputs/2024-05-01/12-03-04"))
                .isDirectory();
    }

    @Test
    void create_sameSecond_usesFreshSibling() {
        Path first = create();
        Path second = create();
        Path third = create();

        assertThat(second).isEqualTo(wd.resolve("lightly_outputs/2024-05-01/12-03-04_1"));
        assertThat(third).isEqualTo(wd.resolve("lightly_outputs/2024-05-01/12-03-04_2"));
        assertThat(first).isDirectory();
    }

    @Test
    void create_customRunDir_expandsNowPatterns() {
        Path dir = create("hydra.run.dir=runs/${now:%Y%m%d_%H%M%S}-${now:%j}");

        assertThat(dir).isEqualTo(wd.resolve("runs/20240501_120304-122"));
    }

    @Test
    void create_absoluteRunDir_isUsedAsIs() {
        Path dir = create("hydra.run.dir=" + wd.resolve("abs/run"));

        assertThat(dir).isEqualTo(wd.resolve("abs/run"));
    }

    @Test
    void create_unsupportedInterpolation_isUsageError() {
        assertThatThrownBy(() -> create("hydra.run.dir=out/${hydra.job.name}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("${hydra.job.name}");
        assertThatThrownBy(() -> create("hydra.run.dir=out/${now:%Q}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("%Q");
    }

    @Test
    void create_writesHydraFilesWithoutToken() throws Exception {
        Path dir = create("token=TOPSECRET-42", "trainer.max_epochs=3");

        String config = Files.readString(dir.resolve(".hydra/config.yaml"));
        String overrides = Files.readString(dir.resolve(".hydra/overrides.yaml"));
        assertThat(config)
                .contains("max_epochs: 3")
                .contains("token: '***'")
                .doesNotContain("TOPSECRET");
        assertThat(overrides)
                .contains("token=***")
                .contains("trainer.max_epochs=3")
                .doesNotContain("TOPSECRET");
    }

    @Test
    void create_unwritableParent_isConfigError() throws Exception {
        Files.writeString(wd.resolve("file"), "not a folder");

        assertThatThrownBy(() -> create("hydra.run.dir=file/run"))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("cannot create the run folder")
                .extracting(e -> ((ToolException) e).exitCode())
                .isEqualTo(ExitCode.CONFIG);
    }

    @Test
    void strftime_coversHydraDirectives() {
        ZonedDateTime t = ZonedDateTime.ofInstant(CLOCK.instant(), ZoneOffset.UTC);

        assertThat(Strftime.format("%Y-%m-%d/%H-%M-%S", t)).isEqualTo("2024-05-01/12-03-04");
        assertThat(Strftime.format("%y %b %B %a %I%p %f %%", t))
                .isEqualTo("24 May May Wed 12PM 500000 %");
    }
}
