package org.lightlyjava.server.selection;

/**
 * Rows bucketed by the cells of a grid on a few axes: cell coordinate {@code floor(value / side)}
 * on each axis. Two rows closer than {@code side} (Euclidean) differ by at most one in every cell
 * coordinate, so their cells are equal or neighbours. Cells are found through an open-addressing
 * table that compares coordinates, so no two cells are ever confused.
 */
final class CellGrid {

    /** Cell coordinates are clamped here: merging far cells only adds candidates. */
    private static final double CLAMP = 0x1p60;

    private final int axes;
    private final long[] coords;
    private final int cells;
    private final int[] start;
    private final int[] members;
    private final int[] table;

    private CellGrid(int axes, long[] coords, int cells, int[] cellOf, int[] table) {
        this.axes = axes;
        this.coords = coords;
        this.cells = cells;
        this.table = table;
        this.start = new int[cells + 1];
        this.members = new int[cellOf.length];
        for (int cell : cellOf) {
            start[cell + 1]++;
        }
        for (int c = 0; c < cells; c++) {
            start[c + 1] += start[c];
        }
        int[] next = start.clone();
        for (int i = 0; i < cellOf.length; i++) {
            members[next[cellOf[i]]++] = i;
        }
    }

    /** Buckets every row by its values on {@code axisIndices}. */
    static CellGrid build(Vectors rows, int[] axisIndices, double side) {
        int n = rows.rows();
        int m = axisIndices.length;
        int[] table = new int[Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1];
        long[] coords = new long[n * m];
        int[] cellOf = new int[n];
        long[] key = new long[m];
        int cells = 0;
        float[] values = rows.values();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double q = Math.floor(values[i * rows.dim() + axisIndices[j]] / side);
                key[j] = (long) Math.max(-CLAMP, Math.min(CLAMP, q));
            }
            int cell = find(table, coords, m, key);
            if (cell < 0) {
                cell = cells++;
                System.arraycopy(key, 0, coords, cell * m, m);
                table[free(table, coords, m, key)] = cell + 1;
            }
            cellOf[i] = cell;
        }
        return new CellGrid(m, coords, cells, cellOf, table);
    }

    int cells() {
        return cells;
    }

    /** The rows of cell {@code c}, ascending, are {@code members()[start(c) .. start(c + 1))}. */
    int start(int c) {
        return start[c];
    }

    int[] members() {
        return members;
    }

    /** The cell at {@code c}'s coordinates plus {@code offset}, or -1 when no row lies there. */
    int neighbour(int c, int[] offset, long[] key) {
        for (int j = 0; j < axes; j++) {
            key[j] = coords[c * axes + j] + offset[j];
        }
        return find(table, coords, axes, key);
    }

    private static int find(int[] table, long[] coords, int m, long[] key) {
        int mask = table.length - 1;
        for (int slot = hash(key) & mask; table[slot] != 0; slot = (slot + 1) & mask) {
            if (equal(coords, (table[slot] - 1) * m, key)) {
                return table[slot] - 1;
            }
        }
        return -1;
    }

    private static int free(int[] table, long[] coords, int m, long[] key) {
        int mask = table.length - 1;
        int slot = hash(key) & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static boolean equal(long[] coords, int offset, long[] key) {
        for (int j = 0; j < key.length; j++) {
            if (coords[offset + j] != key[j]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(long[] key) {
        long h = 0;
        for (long k : key) {
            h = (h + k) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
        }
        return (int) (h ^ (h >>> 32));
    }
}
