package org.lightlyjava.server.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Exact principal component analysis to two dimensions, for the 2D view of an embedding.
 *
 * <p>The rows are centred; the D x D scatter matrix is summed in one pass over them (memory O(D^2)
 * beside the rows); its eigenvectors come from the cyclic Jacobi method, which is exact to rounding
 * and simple enough to check by eye (cost O(D^3) per sweep, under a second for D up to a few
 * hundred). The two eigenvectors of the largest eigenvalues are the axes; each is signed so that
 * its entry of largest magnitude is positive, which makes the result reproducible. Coordinates are
 * the centred rows projected on the axes, as scikit-learn's {@code PCA(2).fit_transform} gives up
 * to that choice of sign. The rows are read in passes ({@link Rows}), so they need not fit in
 * memory.
 */
public final class Pca {

    private static final int MAX_SWEEPS = 100;

    private Pca() {}

    /** Rows that can be read more than once, each time in the same order. */
    public interface Rows {

        int size();

        int dimension();

        /** Hands each row to {@code visitor} in order; the array may be reused between rows. */
        void forEach(Consumer<float[]> visitor) throws IOException;
    }

    /**
     * @param rows n rows of equal length D
     * @return {@code [2][n]}: the coordinates on the first and second axis (the second all 0 when D
     *     is 1)
     */
    public static double[][] project(List<float[]> rows) {
        try {
            return project(
                    new Rows() {
                        @Override
                        public int size() {
                            return rows.size();
                        }

                        @Override
                        public int dimension() {
                            return rows.isEmpty() ? 0 : rows.get(0).length;
                        }

                        @Override
                        public void forEach(Consumer<float[]> visitor) {
                            rows.forEach(visitor);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Three passes over the rows (mean, scatter, projection); memory beside the result is O(D^2).
     *
     * @return as {@link #project(List)}
     */
    public static double[][] project(Rows rows) throws IOException {
        int n = rows.size();
        int d = rows.dimension();
        double[] mean = mean(rows, d);
        double[][] scatter = scatter(rows, mean);
        Eigen eigen = jacobi(scatter);
        double[][] out = new double[2][n];
        int axes = Math.min(2, d);
        double[][] v = new double[axes][];
        for (int axis = 0; axis < axes; axis++) {
            v[axis] = eigen.vector(eigen.rank(axis));
        }
        int[] i = {0};
        rows.forEach(
                row -> {
                    for (int axis = 0; axis < axes; axis++) {
                        double sum = 0;
                        for (int k = 0; k < d; k++) {
                            sum += (row[k] - mean[k]) * v[axis][k];
                        }
                        out[axis][i[0]] = sum;
                    }
                    i[0]++;
                });
        return out;
    }

    private static double[] mean(Rows rows, int d) throws IOException {
        double[] mean = new double[d];
        rows.forEach(
                row -> {
                    for (int k = 0; k < d; k++) {
                        mean[k] += row[k];
                    }
                });
        for (int k = 0; k < d; k++) {
            mean[k] /= Math.max(1, rows.size());
        }
        return mean;
    }

    private static double[][] scatter(Rows rows, double[] mean) throws IOException {
        int d = mean.length;
        double[][] s = new double[d][d];
        double[] centred = new double[d];
        rows.forEach(
                row -> {
                    for (int k = 0; k < d; k++) {
                        centred[k] = row[k] - mean[k];
                    }
                    for (int p = 0; p < d; p++) {
                        double cp = centred[p];
                        double[] sp = s[p];
                        for (int q = p; q < d; q++) {
                            sp[q] += cp * centred[q];
                        }
                    }
                });
        for (int p = 0; p < d; p++) {
            for (int q = 0; q < p; q++) {
                s[p][q] = s[q][p];
            }
        }
        return s;
    }

    /** Eigenvalues and eigenvectors (columns of {@code vectors}) of a symmetric matrix. */
    record Eigen(double[] values, double[][] vectors) {

        /** The column of the eigenvalue of the given rank (0: largest). */
        int rank(int rank) {
            Integer[] order = new Integer[values.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
            return order[rank];
        }

        /** Column {@code j}, signed so that its entry of largest magnitude is positive. */
        double[] vector(int j) {
            double[] v = new double[vectors.length];
            int largest = 0;
            for (int i = 0; i < v.length; i++) {
                v[i] = vectors[i][j];
                if (Math.abs(v[i]) > Math.abs(v[largest])) {
                    largest = i;
                }
            }
            if (v[largest] < 0) {
                for (int i = 0; i < v.length; i++) {
                    v[i] = -v[i];
                }
            }
            return v;
        }
    }

    /** The cyclic Jacobi eigenvalue method (Numerical Recipes' rotation), on a copy. */
    static Eigen jacobi(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][];
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS && !diagonal(a); sweep++) {
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] != 0) {
                        rotate(a, v, p, q);
                    }
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i][i];
        }
        return new Eigen(values, v);
    }

    /** Off-diagonal mass below 1e-22 of the total: as diagonal as doubles get. */
    private static boolean diagonal(double[][] a) {
        double off = 0;
        double total = 0;
        for (int p = 0; p < a.length; p++) {
            for (int q = 0; q < a.length; q++) {
                double square = a[p][q] * a[p][q];
                total += square;
                if (p != q) {
                    off += square;
                }
            }
        }
        return off <= 1e-22 * total;
    }

    /** A' = P^T A P with P the rotation in the (p, q) plane that zeroes a[p][q]; V' = V P. */
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        double t;
        if (theta == 0) {
            t = 1;
        } else if (Math.abs(theta) > 1e150) {
            t = 0.5 / theta; // theta squared would overflow
        } else {
            t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int n = a.length;
        for (int r = 0; r < n; r++) {
            double arp = a[r][p];
            double arq = a[r][q];
            a[r][p] = c * arp - s * arq;
            a[r][q] = s * arp + c * arq;
        }
        for (int r = 0; r < n; r++) {
            double apr = a[p][r];
            double aqr = a[q][r];
            a[p][r] = c * apr - s * aqr;
            a[q][r] = s * apr + c * aqr;
        }
        a[p][q] = 0;
        a[q][p] = 0;
        for (int r = 0; r < n; r++) {
            double vrp = v[r][p];
            double vrq = v[r][q];
            v[r][p] = c * vrp - s * vrq;
            v[r][q] = s * vrp + c * vrq;
        }
    }
}
