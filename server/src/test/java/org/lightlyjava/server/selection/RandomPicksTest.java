package org.lightlyjava.server.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RandomPicksTest {

    @Test
    void sameSeed_sameChoice_otherSeed_otherChoice() {
        int[] first = RandomPicks.select(1000, 50, 7);
        assertThat(RandomPicks.select(1000, 50, 7)).containsExactly(first);
        assertThat(RandomPicks.select(1000, 50, 8)).isNotEqualTo(first);
    }

    @Test
    void choice_isDistinctAscendingAndInRange() {
        int[] picks = RandomPicks.select(100, 30, 1);
        assertThat(picks).hasSize(30).isSorted().doesNotHaveDuplicates();
        assertThat(Arrays.stream(picks).allMatch(i -> i >= 0 && i < 100)).isTrue();
    }

    @Test
    void moreThanThereAre_givesAll() {
        assertThat(RandomPicks.select(4, 10, 3)).containsExactly(0, 1, 2, 3);
        assertThat(RandomPicks.select(0, 10, 3)).isEmpty();
        assertThat(RandomPicks.select(5, 0, 3)).isEmpty();
    }

    @Test
    void everyIndex_canBeChosen() {
        int[] seen = new int[10];
        for (long seed = 0; seed < 200; seed++) {
            for (int i : RandomPicks.select(10, 1, seed)) {
                seen[i]++;
            }
        }
        assertThat(Arrays.stream(seen).min().getAsInt()).isGreaterThan(5);
    }
}
