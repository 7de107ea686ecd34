package org.lightlyjava.server.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CentersTest {

    /** Both ways of comparing (few centres, many) give the float sums in dimension order. */
    @Test
    void nearer_isTheSmallestDistanceSummedInDimensionOrder_forShortAndLongRanges() {
        Random random = new Random(5);
        int dim = 7;
        int count = 300;
        Centers centers = new Centers(dim, count);
        float[][] rows = new float[count][dim];
        for (float[] row : rows) {
            for (int d = 0; d < dim; d++) {
                row[d] = (float) random.nextGaussian();
            }
            centers.add(row, 0);
        }
        float[] x = {0.5f, -1, 2, 0, 0.25f, -0.75f, 1};
        float[] scratch = new float[count];
        for (int[] range : new int[][] {{0, 1}, {3, 10}, {0, 127}, {5, 300}, {0, 300}}) {
            float expected = Float.POSITIVE_INFINITY;
            for (int k = range[0]; k < range[1]; k++) {
                float sum = 0;
                for (int d = 0; d < dim; d++) {
                    float v = rows[k][d] - x[d];
                    sum += v * v;
                }
                expected = Math.min(expected, sum);
            }
            float got = centers.nearer(x, 0, range[0], range[1], Float.POSITIVE_INFINITY, scratch);
            assertThat(got).as("centres %d..%d", range[0], range[1]).isEqualTo(expected);
            assertThat(centers.nearer(x, 0, range[0], range[1], -1, scratch)).isEqualTo(-1);
        }
    }
}
