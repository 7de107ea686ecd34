package org.lightlyjava.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private static long seconds(double s) {
        return (long) (s * TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void format_midway_showsCountPercentRateAndEta() {
        // 1200 images in 26.6 s: 45.1 img/s; 800 left take 17.7 s
        String line = ProgressLine.format("embed", 1200, 2000, "img", seconds(26.6), null, false);

        assertThat(line).isEqualTo("embed: 1200/2000 img (60%), 45.1 img/s, ETA 0:00:17");
    }

    @Test
    void format_withStatus_appendsIt() {
        String line =
                ProgressLine.format("train", 3, 10, "epoch", seconds(300), "loss=4.12", false);

        assertThat(line).isEqualTo("train: 3/10 epoch (30%), 0.01 epoch/s, ETA 0:11:40, loss=4.12");
    }

    @Test
    void format_finished_showsTimeTaken() {
        String line = ProgressLine.format("embed", 2000, 2000, "img", seconds(3725), null, true);

        // 0.54 img/s, per second as every rate
        assertThat(line).isEqualTo("embed: 2000/2000 img (100%), 0.5 img/s, took 1:02:05");
    }

    @Test
    void format_atStart_hasNoRate() {
        assertThat(ProgressLine.format("embed", 0, 2000, "img", 0, null, false))
                .isEqualTo("embed: 0/2000 img (0%)");
    }

    @Test
    void format_unknownTotal_hasNoPercentOrEta() {
        assertThat(ProgressLine.format("scan", 50, -1, "file", seconds(10), null, false))
                .isEqualTo("scan: 50 file, 5.0 file/s");
    }

    @Test
    void clock_roundsDown() {
        assertThat(ProgressLine.clock(59.99)).isEqualTo("0:00:59");
        assertThat(ProgressLine.clock(36_000)).isEqualTo("10:00:00");
    }

    @Test
    void rate_belowOnePerSecond_isStillPerSecond() {
        assertThat(ProgressLine.rate(0.7, "step")).isEqualTo("0.7 step/s");
        assertThat(ProgressLine.rate(1 / 82.0, "step")).isEqualTo("0.012 step/s");
        assertThat(ProgressLine.rate(12.34, "img")).isEqualTo("12.3 img/s");
    }
}
