package org.lightlyjava.server.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KCenterGreedyTest {

    /** Points 0, 1, ..., n-1 on a line. */
    private static Vectors line(int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        return new Vectors(n, 1, values);
    }

    private static final Vectors NONE = Vectors.empty(1);

    @Test
    void line_startsAtTheFirstCandidateThenHalvesTheGaps_lowerIndexOnTies() {
        // after 0, 10, 5 the points 2, 3, 7, 8 are all 2 away: 2 wins; then 7 beats 8; then the
        // points 1, 3, 4, 6, 8, 9 are all 1 away: 1 wins
        assertThat(KCenterGreedy.select(line(11), NONE, 6, -1)).containsExactly(0, 10, 5, 2, 7, 1);
    }

    @Test
    void clusters_farOnesComeFirst() {
        Vectors points =
                Vectors.of(
                        new float[] {0, 0},
                        new float[] {0.1f, 0},
                        new float[] {10, 0},
                        new float[] {10.1f, 0.1f},
                        new float[] {0, 4},
                        new float[] {0.1f, 4});
        // from (0,0): the far cluster at x=10 (index 3 is 10.1 away), then the one at y=4
        int[] picks = KCenterGreedy.select(points, NONE, 3, -1);
        assertThat(picks).containsExactly(0, 3, 5);
    }

    @Test
    void preselected_areCentresFromTheStartAndNeverChosen() {
        Vectors preselected = Vectors.of(new float[] {10});
        Vectors candidates = line(10); // 0..9, the preselected 10 is not among them
        assertThat(KCenterGreedy.select(candidates, preselected, 2, -1)).containsExactly(0, 5);
    }

    @Test
    void minDistance_stopsBeforeACandidateThatCloseToTheChosen() {
        // after 0, 10, 5 the farthest point is 2 away
        assertThat(KCenterGreedy.select(line(11), NONE, 11, 3)).containsExactly(0, 10, 5);
        assertThat(KCenterGreedy.select(line(11), NONE, 4, 2)).containsExactly(0, 10, 5, 2);
        assertThat(KCenterGreedy.select(line(11), NONE, 11, 0)).hasSize(11);
    }

    @Test
    void identicalPoints_areChosenInIndexOrder() {
        Vectors same = Vectors.of(new float[] {1, 1}, new float[] {1, 1}, new float[] {1, 1});
        assertThat(KCenterGreedy.select(same, NONE, 5, -1)).containsExactly(0, 1, 2);
        assertThat(KCenterGreedy.select(same, NONE, 5, 0.5)).containsExactly(0);
    }

    @Test
    void edgeSizes() {
        assertThat(KCenterGreedy.select(line(3), NONE, 0, -1)).isEmpty();
        assertThat(KCenterGreedy.select(NONE, NONE, 4, -1)).isEmpty();
        assertThat(KCenterGreedy.select(line(3), NONE, 10, -1)).containsExactly(0, 2, 1);
    }

    /** Several blocks, parallel visits (many preselected centres), ties from a coarse grid. */
    @Test
    void equalsTheTextbookAlgorithm_onRandomData() {
        Random random = new Random(42);
        for (int round = 0; round < 4; round++) {
            int n = 2500 + random.nextInt(1000);
            int dim = 1 + random.nextInt(12);
            Vectors candidates = random(random, n, dim, round % 2 == 0);
            Vectors preselected = random(random, round < 2 ? 0 : 60, dim, false);
            double minDistance = round == 3 ? 0.5 : -1;
            int[] fast = KCenterGreedy.select(candidates, preselected, 150, minDistance);
            int[] slow = textbook(candidates, preselected, 150, minDistance);
            assertThat(fast).as("round %d, %d x %d", round, n, dim).containsExactly(slow);
        }
    }

    /** Lightly's nSamples -1: all candidates allowed, more centres than the first room holds. */
    @Test
    void anUnboundedCount_stoppedByMinDistance_growsTheCentres_andEqualsTheTextbook() {
        Vectors candidates = random(new Random(7), 6000, 2, false);
        int[] fast = KCenterGreedy.select(candidates, NONE2, candidates.rows(), 0.02);
        int[] slow = textbook(candidates, NONE2, candidates.rows(), 0.02);
        assertThat(fast.length).isGreaterThan(4096).isLessThan(6000);
        assertThat(fast).containsExactly(slow);
    }

    private static final Vectors NONE2 = Vectors.empty(2);

    private static Vectors random(Random random, int n, int dim, boolean grid) {
        float[] values = new float[n * dim];
        for (int i = 0; i < values.length; i++) {
            values[i] = grid ? random.nextInt(6) : (float) random.nextGaussian();
        }
        return new Vectors(n, dim, values);
    }

    /** One pass over every candidate per choice; float sums in dimension order. */
    static int[] textbook(Vectors c, Vectors pre, int count, double minDistance) {
        float[] nearest = new float[c.rows()];
        Arrays.fill(nearest, Float.POSITIVE_INFINITY);
        boolean[] chosen = new boolean[c.rows()];
        for (int p = 0; p < pre.rows(); p++) {
            lower(nearest, c, pre.row(p));
        }
        int[] picks = new int[Math.min(count, c.rows())];
        int picked = 0;
        while (picked < picks.length) {
            int best = -1;
            for (int i = 0; i < c.rows(); i++) {
                if (!chosen[i] && (best < 0 || nearest[i] > nearest[best])) {
                    best = i;
                }
            }
            boolean first = picked == 0 && pre.rows() == 0;
            if (!first && minDistance > 0 && nearest[best] < minDistance * minDistance) {
                break;
            }
            if (first) {
                best = 0;
            }
            chosen[best] = true;
            picks[picked++] = best;
            lower(nearest, c, c.row(best));
        }
        return Arrays.copyOf(picks, picked);
    }

    private static void lower(float[] nearest, Vectors c, float[] center) {
        for (int i = 0; i < c.rows(); i++) {
            float sum = 0;
            for (int d = 0; d < c.dim(); d++) {
                float v = center[d] - c.values()[i * c.dim() + d];
                sum += v * v;
            }
            nearest[i] = Math.min(nearest[i], sum);
        }
    }
}
