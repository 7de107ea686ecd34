package org.lightlyjava.server.selection;

/**
 * {@code rows} vectors of {@code dim} floats in one flat array, row after row: row {@code i} is
 * {@code values[i * dim .. (i + 1) * dim)}. A million 32-d rows take 128 MB.
 */
public record Vectors(int rows, int dim, float[] values) {

    public Vectors {
        if (rows < 0 || dim < 1 || (long) rows * dim != values.length) {
            throw new IllegalArgumentException(
                    rows + " rows of " + dim + " do not fit " + values.length + " values");
        }
    }

    /** Copies rows of equal length (at least one value each). */
    public static Vectors of(float[]... rows) {
        int dim = rows.length == 0 ? 1 : rows[0].length;
        float[] values = new float[rows.length * dim];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != dim) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length);
            }
            System.arraycopy(rows[i], 0, values, i * dim, dim);
        }
        return new Vectors(rows.length, dim, values);
    }

    /** No rows. */
    public static Vectors empty(int dim) {
        return new Vectors(0, dim, new float[0]);
    }

    /** A copy of row {@code i}. */
    public float[] row(int i) {
        float[] row = new float[dim];
        System.arraycopy(values, i * dim, row, 0, dim);
        return row;
    }
}
