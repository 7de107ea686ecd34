package org.lightlyjava.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogProgressTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    private void advanceSeconds(double s) {
        now.addAndGet((long) (s * TimeUnit.SECONDS.toNanos(1)));
    }

    private LogProgress start(long total) {
        return new LogProgress("embed", total, "img", now::get, lines::add);
    }

    @Test
    void step_printsAtStartEachTenPercentAndEnd() {
        try (LogProgress progress = start(100)) {
            for (int i = 0; i < 100; i++) {
                advanceSeconds(0.1);
                progress.step(1);
            }
        }

        assertThat(lines).hasSize(11);
        assertThat(lines.get(0)).isEqualTo("embed: 0/100 img (0%)");
        assertThat(lines.get(1)).isEqualTo("embed: 10/100 img (10%), 10.0 img/s, ETA 0:00:09");
        assertThat(lines.get(10)).isEqualTo("embed: 100/100 img (100%), 10.0 img/s, took 0:00:10");
    }

    @Test
    void step_slowTask_printsEveryTenSeconds() {
        try (LogProgress progress = start(1000)) {
            for (int i = 0; i < 30; i++) {
                advanceSeconds(1);
                progress.step(1);
            }
            progress.status("loss=4.12");
            advanceSeconds(1);
            progress.step(1);
        }

        // start, after 10 s, 20 s, 30 s, and the final line
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).isEqualTo("embed: 10/1000 img (1%), 1.0 img/s, ETA 0:16:30");
        assertThat(lines.get(4)).endsWith("took 0:00:31, loss=4.12");
    }

    @Test
    void close_twice_printsFinalLineOnce() {
        LogProgress progress = start(10);
        progress.close();
        progress.close();

        assertThat(lines).hasSize(2);
    }

    @Test
    void step_fromManyThreads_countsEveryStep() throws Exception {
        LogProgress progress = start(80_000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            pool.submit(
                    () -> {
                        for (int i = 0; i < 10_000; i++) {
                            progress.step(1);
                        }
                    });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        progress.close();

        assertThat(lines.get(lines.size() - 1)).startsWith("embed: 80000/80000 img (100%)");
    }
}
