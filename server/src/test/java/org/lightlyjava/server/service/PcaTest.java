package org.lightlyjava.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PcaTest {

    @Test
    void jacobi_findsTheEigenpairsOfASmallMatrix() {
        Pca.Eigen eigen = Pca.jacobi(new double[][] {{2, 1}, {1, 2}});
        assertThat(eigen.values()[eigen.rank(0)]).isCloseTo(3, within(1e-12));
        assertThat(eigen.values()[eigen.rank(1)]).isCloseTo(1, within(1e-12));
        double[] first = eigen.vector(eigen.rank(0));
        assertThat(first[0]).isCloseTo(Math.sqrt(0.5), within(1e-12));
        assertThat(first[1]).isCloseTo(Math.sqrt(0.5), within(1e-12));
    }

    @Test
    void jacobi_diagonalisesARandomSymmetricMatrix() {
        int n = 24;
        Random random = new Random(7);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = random.nextGaussian();
            }
        }
        Pca.Eigen eigen = Pca.jacobi(a);
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                double av = 0;
                for (int j = 0; j < n; j++) {
                    av += a[i][j] * eigen.vectors()[j][k];
                }
                assertThat(av).isCloseTo(eigen.values()[k] * eigen.vectors()[i][k], within(1e-10));
            }
        }
    }

    /**
     * Points {@code m + a_i u + b_i v} with orthonormal u, v and uncorrelated a, b of variance 20
     * and 4: the projection is exactly (a, b), with u and v signed by their largest entry.
     */
    @Test
    void project_recoversAKnownPlaneInThreeDimensions() {
        double[] m = {1, 2, 3};
        double[] u = {2 / 3.0, 1 / 3.0, 2 / 3.0};
        double[] v = {1 / 3.0, 2 / 3.0, -2 / 3.0};
        double[] a = {3, -3, 1, -1};
        double[] b = {1, 1, -1, -1};
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            float[] row = new float[3];
            for (int k = 0; k < 3; k++) {
                row[k] = (float) (m[k] + a[i] * u[k] + b[i] * v[k]);
            }
            rows.add(row);
        }
        double[][] projected = Pca.project(rows);
        for (int i = 0; i < a.length; i++) {
            assertThat(projected[0][i]).isCloseTo(a[i], within(1e-5));
            assertThat(projected[1][i]).isCloseTo(b[i], within(1e-5));
        }
    }

    @Test
    void project_handlesOneDimensionAndOneRow() {
        double[][] line = Pca.project(List.of(new float[] {1}, new float[] {3}));
        assertThat(line[0]).containsExactly(-1, 1);
        assertThat(line[1]).containsExactly(0, 0);
        double[][] single = Pca.project(List.<float[]>of(new float[] {5, 6}));
        assertThat(single[0]).containsExactly(0);
        assertThat(Pca.project(List.of())[0]).isEmpty();
    }

    /** Rows handed over one reused array at a time, as a scratch file gives them. */
    @Test
    void project_ofStreamedRows_equalsTheListInThreePasses() throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add(
                    new float[] {
                        (float) random.nextGaussian(), i % 7, (float) random.nextDouble()
                    });
        }
        int[] passes = {0};
        Pca.Rows streamed =
                new Pca.Rows() {
                    @Override
                    public int size() {
                        return rows.size();
                    }

                    @Override
                    public int dimension() {
                        return 3;
                    }

                    @Override
                    public void forEach(Consumer<float[]> visitor) {
                        passes[0]++;
                        float[] reused = new float[3];
                        for (float[] row : rows) {
                            System.arraycopy(row, 0, reused, 0, 3);
                            visitor.accept(reused);
                        }
                    }
                };
        double[][] expected = Pca.project(rows);
        double[][] actual = Pca.project(streamed);
        assertThat(actual[0]).containsExactly(expected[0]);
        assertThat(actual[1]).containsExactly(expected[1]);
        assertThat(passes[0]).isEqualTo(3);
    }
}
