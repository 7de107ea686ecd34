package org.lightlyjava.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpochPlanTest {

    @Test
    void plan_visitsEverySampleOncePerEpoch() {
        List<EpochPlan.Visit> visits = drain(new EpochPlan(5, true, 1, 0, 3));
        assertThat(visits).hasSize(15);
        for (int epoch = 0; epoch < 3; epoch++) {
            int e = epoch;
            assertThat(visits.stream().filter(v -> v.epoch() == e).map(EpochPlan.Visit::index))
                    .containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        }
    }

    @Test
    void plan_sameSeed_sameOrder_otherSeedOrEpoch_otherOrder() {
        EpochPlan plan = new EpochPlan(50, true, 7, 0, 1);
        assertThat(plan.order(0)).containsExactly(new EpochPlan(50, true, 7, 0, 1).order(0));
        assertThat(plan.order(0)).isNotEqualTo(plan.order(1));
        assertThat(plan.order(0)).isNotEqualTo(new EpochPlan(50, true, 8, 0, 1).order(0));
    }

    @Test
    void plan_resumedAtEpoch_continuesExactlyAsUninterrupted() {
        List<EpochPlan.Visit> all = drain(new EpochPlan(6, true, 3, 0, 4));
        List<EpochPlan.Visit> resumed = drain(new EpochPlan(6, true, 3, 2, 4));
        assertThat(resumed).containsExactlyElementsOf(all.subList(12, 24));
    }

    @Test
    void plan_withoutShuffle_keepsDatasetOrder() {
        assertThat(drain(new EpochPlan(3, false, 1, 0, 1)).stream().map(EpochPlan.Visit::index))
                .containsExactly(0, 1, 2);
    }

    private static List<EpochPlan.Visit> drain(EpochPlan plan) {
        List<EpochPlan.Visit> out = new ArrayList<>();
        plan.forEachRemaining(out::add);
        return out;
    }
}
