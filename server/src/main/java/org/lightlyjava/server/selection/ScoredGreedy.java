package org.lightlyjava.server.selection;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;

/**
 * Active-learning selection ({@code ACTIVE_LEARNING}, {@code CORAL}): greedy like {@link
 * KCenterGreedy}, but each step takes the candidate with the largest
 *
 * <pre>value(i) = (1 - w) * d(i) / dMax + w * s(i)</pre>
 *
 * where {@code d(i)} is the Euclidean distance from candidate {@code i} to its nearest chosen row
 * (preselected or chosen before), {@code dMax} the largest {@code d} among the candidates still
 * eligible, {@code s(i)} its score scaled to [0, 1] over all candidates (min-max; all equal: 0) and
 * {@code w} the score's weight. Before any row is chosen every distance counts as 1, so the first
 * choice is the best score. Equal scores give k-center greedy (CORESET); equal distances give the
 * scores' order. Ties go to the lower index. With {@code minDistance > 0} a candidate closer than
 * that to a chosen row is no longer eligible, and the selection stops when none is.
 *
 * <p>Every step compares all candidates with the newest row: O(N x k x dim) time, O(N) memory
 * beside the rows.
 */
public final class ScoredGreedy {

    private ScoredGreedy() {}

    /**
     * Chooses up to {@code count} candidates.
     *
     * @param scores one per candidate, finite
     * @param weight of the score, 0 to 1
     * @return indices into {@code candidates} in the order chosen
     * @throws CancellationException when the thread is interrupted
     */
    public static int[] select(
            Vectors candidates,
            double[] scores,
            Vectors preselected,
            int count,
            double minDistance,
            double weight) {
        int n = candidates.rows();
        if (scores.length != n) {
            throw new IllegalArgumentException(scores.length + " scores for " + n + " rows");
        }
        double[] s = scaled(scores);
        double[] d = new double[n];
        Arrays.fill(d, Double.POSITIVE_INFINITY);
        boolean[] out = new boolean[n];
        for (int p = 0; p < preselected.rows(); p++) {
            nearer(candidates, d, preselected.values(), p * preselected.dim());
        }
        double limit = minDistance > 0 ? minDistance : 0;
        int wanted = Math.max(0, Math.min(count, n));
        int[] picks = new int[wanted];
        int picked = 0;
        while (picked < wanted) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("selection interrupted");
            }
            int best = best(d, s, out, limit, weight);
            if (best < 0) {
                break;
            }
            out[best] = true;
            picks[picked++] = best;
            nearer(candidates, d, candidates.values(), best * candidates.dim());
        }
        return Arrays.copyOf(picks, picked);
    }

    /** The eligible candidate of largest value, or -1. */
    private static int best(double[] d, double[] s, boolean[] out, double limit, double weight) {
        double dMax = 0;
        for (int i = 0; i < d.length; i++) {
            if (!out[i] && d[i] >= limit && d[i] > dMax) {
                dMax = d[i];
            }
        }
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < d.length; i++) {
            if (out[i] || d[i] < limit) {
                continue;
            }
            double diversity = Double.isInfinite(dMax) ? 1 : dMax == 0 ? 0 : d[i] / dMax;
            double value = (1 - weight) * diversity + weight * s[i];
            if (value > bestValue) {
                bestValue = value;
                best = i;
            }
        }
        return best;
    }

    /** Lowers each candidate's distance to that of the row at {@code offset}, where nearer. */
    private static void nearer(Vectors candidates, double[] d, float[] row, int offset) {
        float[] x = candidates.values();
        int dim = candidates.dim();
        IntStream range = IntStream.range(0, candidates.rows());
        (candidates.rows() > 65_536 ? range.parallel() : range)
                .forEach(
                        i -> {
                            double sum = 0;
                            int base = i * dim;
                            for (int k = 0; k < dim; k++) {
                                double diff = x[base + k] - row[offset + k];
                                sum += diff * diff;
                            }
                            double distance = Math.sqrt(sum);
                            if (distance < d[i]) {
                                d[i] = distance;
                            }
                        });
    }

    /** Min-max scaling to [0, 1]; all equal: 0. */
    static double[] scaled(double[] scores) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : scores) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double[] out = new double[scores.length];
        if (max > min) {
            for (int i = 0; i < scores.length; i++) {
                out[i] = (scores[i] - min) / (max - min);
            }
        }
        return out;
    }
}
