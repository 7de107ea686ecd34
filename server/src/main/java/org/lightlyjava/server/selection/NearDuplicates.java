package org.lightlyjava.server.selection;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups of near-duplicate rows: the connected components of the graph whose edges join rows within
 * {@code maxDistance} (Euclidean) of each other, so chains {@code a ~ b ~ c} form one group.
 *
 * <p>Exact, without comparing all pairs: rows are bucketed on a grid of side just above {@code
 * maxDistance} over the {@value #AXES} coordinates of largest variance (a pair within the distance
 * is within it on every coordinate, so it lies in one cell or two neighbouring ones); only pairs
 * from a cell and its neighbours are measured, and pairs already in one group are skipped. The cost
 * grows with the number of rows sharing a neighbourhood, which stays small when {@code maxDistance}
 * is small against the spread of the data.
 */
public final class NearDuplicates {

    static final int AXES = 4;

    private NearDuplicates() {}

    /**
     * @param maxDistance at least 0
     * @return groups of two or more row indices, each ascending, ordered by their first row
     */
    public static List<int[]> groups(Vectors rows, double maxDistance) {
        if (!(maxDistance >= 0) || Double.isInfinite(maxDistance)) {
            throw new IllegalArgumentException("maxDistance must be finite and >= 0");
        }
        if (rows.rows() < 2) {
            return List.of();
        }
        int[] axes = widestAxes(rows, Math.min(AXES, rows.dim()));
        CellGrid grid = CellGrid.build(rows, axes, side(rows, axes, maxDistance));
        UnionFind sets = new UnionFind(rows.rows());
        double limit = maxDistance * maxDistance;
        List<int[]> offsets = forwardOffsets(axes.length);
        long[] key = new long[axes.length];
        int[] members = grid.members();
        for (int c = 0; c < grid.cells(); c++) {
            int from = grid.start(c);
            int to = grid.start(c + 1);
            for (int a = from; a < to; a++) {
                for (int b = a + 1; b < to; b++) {
                    join(rows, sets, members[a], members[b], limit);
                }
            }
            for (int[] offset : offsets) {
                int other = grid.neighbour(c, offset, key);
                if (other < 0) {
                    continue;
                }
                for (int a = from; a < to; a++) {
                    for (int b = grid.start(other); b < grid.start(other + 1); b++) {
                        join(rows, sets, members[a], members[b], limit);
                    }
                }
            }
        }
        return sets.groups();
    }

    private static void join(Vectors rows, UnionFind sets, int a, int b, double limit) {
        if (!sets.connected(a, b) && within(rows, a, b, limit)) {
            sets.union(a, b);
        }
    }

    /** Whether the squared distance is at most {@code limit}; partial sums only grow. */
    private static boolean within(Vectors rows, int i, int j, double limit) {
        float[] v = rows.values();
        int dim = rows.dim();
        int a = i * dim;
        int b = j * dim;
        double sum = 0;
        for (int k = 0; k < dim; k++) {
            double diff = (double) v[a + k] - v[b + k];
            sum += diff * diff;
            if (sum > limit) {
                return false;
            }
        }
        return true;
    }

    /**
     * Just above {@code maxDistance}, so rounding cannot push a pair two cells apart; at least a
     * billionth of the widest spread, so cell coordinates stay small for {@code maxDistance} 0.
     */
    private static double side(Vectors rows, int[] axes, double maxDistance) {
        double spread = 0;
        for (int axis : axes) {
            float low = Float.POSITIVE_INFINITY;
            float high = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < rows.rows(); i++) {
                float value = rows.values()[i * rows.dim() + axis];
                low = Math.min(low, value);
                high = Math.max(high, value);
            }
            spread = Math.max(spread, (double) high - low);
        }
        return Math.max(Double.MIN_NORMAL, Math.max(maxDistance * (1 + 1e-6), spread * 1e-9));
    }

    /** The {@code m} coordinates of largest variance (lower index first on ties). */
    static int[] widestAxes(Vectors rows, int m) {
        int dim = rows.dim();
        double[] sum = new double[dim];
        double[] squares = new double[dim];
        float[] v = rows.values();
        for (int i = 0; i < rows.rows(); i++) {
            for (int k = 0; k < dim; k++) {
                double value = v[i * dim + k];
                sum[k] += value;
                squares[k] += value * value;
            }
        }
        double[] variance = new double[dim];
        for (int k = 0; k < dim; k++) {
            double mean = sum[k] / rows.rows();
            variance[k] = squares[k] / rows.rows() - mean * mean;
        }
        int[] axes = new int[m];
        boolean[] taken = new boolean[dim];
        for (int j = 0; j < m; j++) {
            int best = -1;
            for (int k = 0; k < dim; k++) {
                if (!taken[k] && (best < 0 || variance[k] > variance[best])) {
                    best = k;
                }
            }
            taken[best] = true;
            axes[j] = best;
        }
        return axes;
    }

    /** The offsets in {-1, 0, 1}^m whose first non-zero entry is +1: one of each pair +o, -o. */
    static List<int[]> forwardOffsets(int m) {
        List<int[]> offsets = new ArrayList<>();
        int count = (int) Math.pow(3, m);
        for (int code = 0; code < count; code++) {
            int[] offset = new int[m];
            int rest = code;
            for (int j = 0; j < m; j++) {
                offset[j] = rest % 3 - 1;
                rest /= 3;
            }
            int first = 0;
            while (first < m && offset[first] == 0) {
                first++;
            }
            if (first < m && offset[first] == 1) {
                offsets.add(offset);
            }
        }
        return offsets;
    }
}
