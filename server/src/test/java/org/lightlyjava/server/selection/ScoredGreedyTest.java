package org.lightlyjava.server.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScoredGreedyTest {

    private static final Vectors NONE = Vectors.empty(1);

    /** The unit vectors of n dimensions: every two are sqrt(2) apart. */
    private static Vectors simplex(int n) {
        float[][] rows = new float[n][n];
        for (int i = 0; i < n; i++) {
            rows[i][i] = 1;
        }
        return Vectors.of(rows);
    }

    private static Vectors random(int n, int dim, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[n * dim];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return new Vectors(n, dim, values);
    }

    @Test
    void equalDistances_followTheScores() {
        double[] scores = {0.2, 0.9, 0.1, 0.5, 0.7, 0.3};
        assertThat(ScoredGreedy.select(simplex(6), scores, NONE, 4, -1, 0.5))
                .containsExactly(1, 4, 3, 5);
    }

    @Test
    void equalScores_areKCenterGreedy() {
        Vectors points = random(400, 8, 7);
        Vectors preselected = random(3, 8, 8);
        double[] same = new double[400];
        Arrays.fill(same, 0.25);
        assertThat(ScoredGreedy.select(points, same, preselected, 40, -1, 0.5))
                .containsExactly(KCenterGreedy.select(points, preselected, 40, -1));
        assertThat(ScoredGreedy.select(points, same, NONE, 40, -1, 0.5))
                .containsExactly(KCenterGreedy.select(points, NONE, 40, -1));
    }

    @Test
    void aHighScoreNearAChosenRow_losesToAFarOneWithAFairScore() {
        Vectors points =
                Vectors.of(
                        new float[] {0, 0}, // best score: chosen first
                        new float[] {0.1f, 0}, // almost as good, but next to the first
                        new float[] {10, 0}); // far, middling score
        double[] scores = {1.0, 0.95, 0.5};
        assertThat(ScoredGreedy.select(points, scores, NONE, 2, -1, 0.5)).containsExactly(0, 2);
        // a weight of 1 is the scores alone
        assertThat(ScoredGreedy.select(points, scores, NONE, 2, -1, 1.0)).containsExactly(0, 1);
    }

    @Test
    void minDistance_keepsEveryChosenPairApart_andStopsWhenNoneIsLeft() {
        Vectors points = random(300, 2, 3);
        double[] scores = new SplittableRandom(4).doubles(300).toArray();
        int[] picks = ScoredGreedy.select(points, scores, NONE, 300, 0.5, 0.5);
        assertThat(picks.length).isBetween(2, 299);
        for (int a = 0; a < picks.length; a++) {
            for (int b = a + 1; b < picks.length; b++) {
                assertThat(distance(points, picks[a], picks[b])).isGreaterThanOrEqualTo(0.5);
            }
        }
        // every other point is within 0.5 of a chosen one
        for (int i = 0; i < 300; i++) {
            final int row = i;
            double nearest =
                    Arrays.stream(picks)
                            .mapToDouble(p -> distance(points, p, row))
                            .min()
                            .orElseThrow();
            assertThat(nearest).isLessThan(0.5 + 1e-9);
        }
    }

    @Test
    void nSamples_isTheMost_andAllCandidatesAtMost() {
        Vectors points = random(10, 3, 5);
        double[] scores = new SplittableRandom(6).doubles(10).toArray();
        assertThat(ScoredGreedy.select(points, scores, NONE, 4, -1, 0.5)).hasSize(4);
        assertThat(ScoredGreedy.select(points, scores, NONE, 50, -1, 0.5))
                .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(ScoredGreedy.select(points, scores, NONE, 0, -1, 0.5)).isEmpty();
    }

    private static double distance(Vectors v, int a, int b) {
        double sum = 0;
        for (int k = 0; k < v.dim(); k++) {
            double diff = v.values()[a * v.dim() + k] - v.values()[b * v.dim() + k];
            sum += diff * diff;
        }
        return Math.sqrt(sum);
    }
}
