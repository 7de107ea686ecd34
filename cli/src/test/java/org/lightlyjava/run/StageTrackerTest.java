package org.lightlyjava.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageTrackerTest {

    @Test
    void stage_followsTheLastTaskAndClosesItOnce() {
        List<String> closed = new ArrayList<>();
        Progress.Factory inner =
                (task, total, unit) ->
                        new Progress() {
                            @Override
                            public void step(long n) {}

                            @Override
                            public void status(String text) {}

                            @Override
                            public void close() {
                                closed.add(task);
                            }
                        };
        StageTracker stages = new StageTracker(inner);
        assertThat(stages.stage()).isEmpty();

        try (Progress first = stages.start("epoch 1/3", 5, "step")) {
            first.step(5);
        }
        assertThat(stages.stage()).contains("after epoch 1/3");
        Progress second = stages.start("epoch 2/3", 5, "step");
        second.step(2);
        assertThat(stages.stage()).contains("during epoch 2/3 (2/5 step)");

        stages.closeOpen();
        second.close();
        assertThat(closed).containsExactly("epoch 1/3", "epoch 2/3");
    }
}
