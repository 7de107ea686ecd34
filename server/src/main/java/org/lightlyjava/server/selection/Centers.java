package org.lightlyjava.server.selection;

/**
 * The chosen centres, stored by dimension (one array per dimension) so that comparing one row with
 * many centres runs as straight loops over contiguous floats, which the JIT vectorises.
 */
final class Centers {

    /** Fewer centres than this are compared one by one. */
    private static final int FEW = 128;

    private final float[][] columns;
    private int size;

    Centers(int dim, int capacity) {
        columns = new float[dim][capacity];
    }

    int size() {
        return size;
    }

    int capacity() {
        return columns[0].length;
    }

    /**
     * Appends the row of {@code columns.length} values at {@code offset} of {@code values},
     * doubling the capacity when it is full (a selection bounded only by a distance does not know
     * its size).
     */
    void add(float[] values, int offset) {
        if (size == capacity()) {
            for (int d = 0; d < columns.length; d++) {
                columns[d] = java.util.Arrays.copyOf(columns[d], Math.max(1, size * 2));
            }
        }
        for (int d = 0; d < columns.length; d++) {
            columns[d][size] = values[offset + d];
        }
        size++;
    }

    /**
     * The smaller of {@code bound} and the squared distance from row {@code offset} of {@code x} to
     * the nearest centre in {@code [from, to)}. Each distance is summed in float, in dimension
     * order, whichever way it is computed.
     *
     * @param scratch at least {@link #capacity()} floats, used by one thread at a time
     */
    float nearer(float[] x, int offset, int from, int to, float bound, float[] scratch) {
        // Separate methods: C2 sizes a loop's unrolling (and so its vectorisation) by the trip
        // counts it has seen, and a few centres at a time are the common case.
        return to - from < FEW
                ? nearerOneByOne(x, offset, from, to, bound)
                : nearerAll(x, offset, from, to, bound, scratch);
    }

    /** Four centres at a time, each summed on its own, so the sums do not wait on each other. */
    private float nearerOneByOne(float[] x, int offset, int from, int to, float bound) {
        float nearest = bound;
        int k = from;
        for (; k + 4 <= to; k += 4) {
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            for (int d = 0; d < columns.length; d++) {
                float[] column = columns[d];
                float xd = x[offset + d];
                float v0 = column[k] - xd;
                float v1 = column[k + 1] - xd;
                float v2 = column[k + 2] - xd;
                float v3 = column[k + 3] - xd;
                s0 += v0 * v0;
                s1 += v1 * v1;
                s2 += v2 * v2;
                s3 += v3 * v3;
            }
            nearest = Math.min(Math.min(nearest, s0), Math.min(s1, Math.min(s2, s3)));
        }
        for (; k < to; k++) {
            float sum = 0;
            for (int d = 0; d < columns.length; d++) {
                float v = columns[d][k] - x[offset + d];
                sum += v * v;
            }
            nearest = Math.min(nearest, sum);
        }
        return nearest;
    }

    /** One dimension at a time over all centres: straight loops the JIT vectorises. */
    private float nearerAll(float[] x, int offset, int from, int to, float bound, float[] scratch) {
        // Loop indices start at `from` in both arrays: JDK 17 only vectorises loops whose arrays
        // are indexed alike.
        float[] column = columns[0];
        float xd = x[offset];
        for (int k = from; k < to; k++) {
            float v = column[k] - xd;
            scratch[k] = v * v;
        }
        for (int d = 1; d < columns.length; d++) {
            column = columns[d];
            xd = x[offset + d];
            for (int k = from; k < to; k++) {
                float v = column[k] - xd;
                scratch[k] += v * v;
            }
        }
        float nearest = bound;
        for (int k = from; k < to; k++) {
            nearest = Math.min(nearest, scratch[k]);
        }
        return nearest;
    }
}
