package org.lightlyjava.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import org.junit.jupiter.api.Test;

class ProgressFactoriesTest {

    private final PrintWriter err = new PrintWriter(new StringWriter());

    private Progress start(String setting, boolean terminal, boolean quiet) {
        return ProgressFactories.choose(setting, terminal, quiet, err).start("embed", 10, "img");
    }

    @Test
    void choose_byTerminal_whenNotSet() {
        try (Progress log = start(null, false, false);
                Progress bar = start("", true, false)) {
            assertThat(log).isInstanceOf(LogProgress.class);
            assertThat(bar).isInstanceOf(BarProgress.class);
        }
    }

    @Test
    void choose_environmentOverridesTerminal() {
        try (Progress log = start("log", true, false);
                Progress bar = start("BAR", false, false);
                Progress none = start("none", true, false)) {
            assertThat(log).isInstanceOf(LogProgress.class);
            assertThat(bar).isInstanceOf(BarProgress.class);
            assertThat(none).isNotInstanceOfAny(LogProgress.class, BarProgress.class);
        }
    }

    @Test
    void choose_quiet_showsNothingUnlessAsked() {
        try (Progress quiet = start(null, true, true);
                Progress asked = start("log", true, true)) {
            assertThat(quiet).isNotInstanceOfAny(LogProgress.class, BarProgress.class);
            assertThat(asked).isInstanceOf(LogProgress.class);
        }
    }

    @Test
    void choose_unknownSetting_fallsBackToTerminalChoice() {
        try (Progress p = start("fancy", false, false)) {
            assertThat(p).isInstanceOf(LogProgress.class);
        }
    }

    @Test
    void bar_rendersTaskCountAndStatus() {
        List<String> frames = new ArrayList<>();
        BarProgress bar =
                new BarProgress(
                        "embed", 4, "img", new DelegatingProgressBarConsumer(frames::add, 120));
        bar.step(2);
        bar.status("loss=4.12");
        bar.step(2);
        bar.close();

        assertThat(frames).isNotEmpty();
        assertThat(frames.get(frames.size() - 1))
                .contains("embed")
                .contains("4/4")
                .contains("loss=4.12");
    }

    @Test
    void bar_speed_hasALeadingZero() {
        assertThat(BarProgress.speedFormat().format(0.7)).isEqualTo("0.7");
        assertThat(BarProgress.speedFormat().format(12.34)).isEqualTo("12.3");
    }
}
