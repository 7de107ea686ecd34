package org.lightlyjava.model;

/** Splits a flat row-major matrix into rows. */
final class Rows {

    private Rows() {}

    static float[][] split(float[] flat, int rows) {
        if (rows == 0) {
            return new float[0][];
        }
        if (flat.length % rows != 0) {
            throw new IllegalStateException(
                    flat.length + " values do not split into " + rows + " rows");
        }
        int cols = flat.length / rows;
        float[][] out = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * cols, out[r], 0, cols);
        }
        return out;
    }
}
