package org.lightlyjava.server.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {

    @Test
    void chain_formsOneGroup_farPairsStayApart() {
        Vectors points =
                Vectors.of(
                        new float[] {0, 0}, // a
                        new float[] {9, 9}, // alone
                        new float[] {0.5f, 0}, // b: 0.5 from a
                        new float[] {5, 5}, // d
                        new float[] {1, 0}, // c: 0.5 from b, 1 from a
                        new float[] {5, 5.25f}); // e: 0.25 from d
        assertThat(lists(NearDuplicates.groups(points, 0.5)))
                .containsExactly(List.of(0, 2, 4), List.of(3, 5));
        assertThat(lists(NearDuplicates.groups(points, 0.3))).containsExactly(List.of(3, 5));
        assertThat(lists(NearDuplicates.groups(points, 0.1))).isEmpty();
    }

    @Test
    void zeroDistance_groupsExactCopiesOnly() {
        Vectors points =
                Vectors.of(
                        new float[] {1, 2, 3},
                        new float[] {1, 2, 3.0001f},
                        new float[] {1, 2, 3},
                        new float[] {7, 7, 7});
        assertThat(lists(NearDuplicates.groups(points, 0))).containsExactly(List.of(0, 2));
    }

    @Test
    void badDistance_isRefused() {
        Vectors points = Vectors.of(new float[] {1}, new float[] {2});
        assertThatThrownBy(() -> NearDuplicates.groups(points, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NearDuplicates.groups(points, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(NearDuplicates.groups(Vectors.of(new float[] {1}), 5)).isEmpty();
    }

    @Test
    void forwardOffsets_holdOneOfEachOppositePair() {
        assertThat(NearDuplicates.forwardOffsets(1)).containsExactly(new int[] {1});
        assertThat(NearDuplicates.forwardOffsets(2)).hasSize(4);
        assertThat(NearDuplicates.forwardOffsets(4)).hasSize(40);
    }

    @Test
    void widestAxes_areTheCoordinatesOfLargestVariance() {
        Vectors points =
                Vectors.of(
                        new float[] {0, 0, 5, 1, 0},
                        new float[] {0, 3, -5, 1, 0},
                        new float[] {0, -3, 0, 1, 1});
        assertThat(NearDuplicates.widestAxes(points, 3)).containsExactly(2, 1, 4);
    }

    /** Random clouds with planted copies and chains, grid values (distances exactly at limits). */
    @Test
    void equalsBruteForce_onRandomSets() {
        Random random = new Random(3);
        for (int round = 0; round < 30; round++) {
            int n = 50 + random.nextInt(400);
            int dim = 1 + random.nextInt(9);
            Vectors points = cloud(random, n, dim, round % 3 == 0);
            double maxDistance = round % 3 == 0 ? random.nextInt(3) : random.nextDouble() * 0.6;
            assertThat(lists(NearDuplicates.groups(points, maxDistance)))
                    .as("round %d: %d x %d within %s", round, n, dim, maxDistance)
                    .isEqualTo(lists(bruteForce(points, maxDistance)));
        }
    }

    private static Vectors cloud(Random random, int n, int dim, boolean grid) {
        float[] values = new float[n * dim];
        for (int i = 0; i < n; i++) {
            int source = i > 0 && random.nextInt(4) == 0 ? random.nextInt(i) : -1;
            for (int d = 0; d < dim; d++) {
                float value;
                if (grid) {
                    value = random.nextInt(5);
                } else if (source >= 0) {
                    value = values[source * dim + d] + (float) random.nextGaussian() * 0.1f;
                } else {
                    value = random.nextFloat() * 4;
                }
                values[i * dim + d] = value;
            }
        }
        return new Vectors(n, dim, values);
    }

    /** Every pair measured, components by union-find. */
    private static List<int[]> bruteForce(Vectors points, double maxDistance) {
        UnionFind sets = new UnionFind(points.rows());
        for (int i = 0; i < points.rows(); i++) {
            for (int j = i + 1; j < points.rows(); j++) {
                if (squaredDistance(points.row(i), points.row(j)) <= maxDistance * maxDistance) {
                    sets.union(i, j);
                }
            }
        }
        return sets.groups();
    }

    private static double squaredDistance(float[] a, float[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            double diff = (double) a[k] - b[k];
            sum += diff * diff;
        }
        return sum;
    }

    private static List<List<Integer>> lists(List<int[]> groups) {
        List<List<Integer>> out = new ArrayList<>();
        for (int[] group : groups) {
            List<Integer> members = new ArrayList<>();
            for (int i : group) {
                members.add(i);
            }
            out.add(members);
        }
        return out;
    }
}
