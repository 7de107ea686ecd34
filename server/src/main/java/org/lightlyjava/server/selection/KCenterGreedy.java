package org.lightlyjava.server.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * k-center greedy (farthest-point) selection, Lightly's {@code CORESET}: starting from the
 * preselected rows (or, without any, from candidate 0), repeatedly choose the candidate whose
 * squared Euclidean distance to its nearest chosen row is largest; ties go to the lower index.
 *
 * <p>The result equals the textbook algorithm (one pass over all candidates per choice), but most
 * of those distances are never computed. Each candidate keeps an upper bound of its distance to the
 * nearest centre (exact against the first {@code seen[i]} centres) and compares itself with newer
 * centres only when its bound could still make it the farthest: candidates are grouped in blocks of
 * {@link #BLOCK} with the largest bound of each, blocks are visited from the largest bound down
 * until no bound is above the best exact distance found, and within a block only candidates whose
 * bound reaches that distance are brought up to date. Memory is O(N) beside the rows: a float and
 * an int per candidate, and the centres. Blocks with much work are split across the common ForkJoin
 * pool.
 */
public final class KCenterGreedy {

    static final int BLOCK = 1024;

    /** Room for this many centres beside the preselected ones at first; more double it. */
    private static final int INITIAL_CENTERS = 4096;

    /** Centre comparisons in one block above which a visit is split across threads. */
    private static final long PARALLEL_WORK = 32_768;

    /** The bound of a chosen candidate: below every distance. */
    private static final float CHOSEN = -1;

    private final float[] x;
    private final int n;
    private final int dim;
    private final Centers centers;
    private final float[] bound;
    private final int[] seen;
    private final float[] blockBound;
    private final int[] visitedAt;
    private float[][] scratch;
    private int visit;

    private KCenterGreedy(Vectors candidates, int centerCapacity, int threads) {
        this.x = candidates.values();
        this.n = candidates.rows();
        this.dim = candidates.dim();
        this.centers = new Centers(dim, Math.max(1, centerCapacity));
        this.bound = new float[n];
        this.seen = new int[n];
        Arrays.fill(bound, Float.POSITIVE_INFINITY);
        int blocks = (n + BLOCK - 1) / BLOCK;
        this.blockBound = new float[blocks];
        Arrays.fill(blockBound, Float.POSITIVE_INFINITY);
        this.visitedAt = new int[blocks];
        this.scratch = new float[threads][centers.capacity()];
    }

    /**
     * Chooses up to {@code count} candidates.
     *
     * @param preselected rows chosen already (centres from the start, never returned)
     * @param minDistance stop before choosing a candidate closer than this (Euclidean) to every
     *     chosen row; 0 or less: never
     * @return indices into {@code candidates} in the order chosen
     * @throws CancellationException when the thread is interrupted
     */
    public static int[] select(
            Vectors candidates, Vectors preselected, int count, double minDistance) {
        if (candidates.rows() > 0
                && preselected.rows() > 0
                && candidates.dim() != preselected.dim()) {
            throw new IllegalArgumentException("candidates and preselected rows differ in length");
        }
        int wanted = Math.max(0, Math.min(count, candidates.rows()));
        int threads = Math.max(1, Math.min(8, ForkJoinPool.getCommonPoolParallelism() + 1));
        // Centres grow as chosen: a count of "all" stopped by minDistance chooses far fewer.
        int capacity = preselected.rows() + Math.min(wanted, INITIAL_CENTERS);
        KCenterGreedy greedy = new KCenterGreedy(candidates, capacity, threads);
        for (int i = 0; i < preselected.rows(); i++) {
            greedy.centers.add(preselected.values(), i * preselected.dim());
        }
        float stop = minDistance > 0 ? (float) (minDistance * minDistance) : 0;
        return greedy.run(wanted, stop);
    }

    private int[] run(int wanted, float stopBelow) {
        int[] picks = new int[wanted];
        int picked = 0;
        if (wanted > 0 && centers.size() == 0) {
            choose(0);
            picks[picked++] = 0;
        }
        Farthest farthest = new Farthest();
        while (picked < wanted) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("selection interrupted");
            }
            find(farthest);
            if (farthest.index < 0 || farthest.distance < stopBelow) {
                break;
            }
            choose(farthest.index);
            picks[picked++] = farthest.index;
        }
        return Arrays.copyOf(picks, picked);
    }

    private void choose(int i) {
        centers.add(x, i * dim);
        bound[i] = CHOSEN;
        if (scratch[0].length < centers.capacity()) {
            scratch = new float[scratch.length][centers.capacity()];
        }
    }

    /** The farthest unchosen candidate from the centres; index -1 when none is left. */
    private static final class Farthest {
        int index;
        float distance;

        /** Whether candidate {@code i} at exact distance {@code d} beats the best so far. */
        boolean beatenBy(int i, float d) {
            return d > distance || (d == distance && (index < 0 || i < index));
        }
    }

    private void find(Farthest best) {
        best.index = -1;
        best.distance = 0;
        visit++;
        while (true) {
            int block = topBlock();
            if (block < 0 || blockBound[block] < best.distance) {
                return;
            }
            visitedAt[block] = visit;
            refresh(block, best.distance);
            float top = CHOSEN;
            int to = Math.min(n, (block + 1) * BLOCK);
            for (int i = block * BLOCK; i < to; i++) {
                float d = bound[i];
                if (seen[i] == centers.size() && d >= 0 && best.beatenBy(i, d)) {
                    best.index = i;
                    best.distance = d;
                }
                top = Math.max(top, d);
            }
            blockBound[block] = top;
        }
    }

    /** The unvisited block with the largest bound (the lowest such block on ties), or -1. */
    private int topBlock() {
        int top = -1;
        float largest = CHOSEN;
        for (int b = 0; b < blockBound.length; b++) {
            if (visitedAt[b] != visit && blockBound[b] >= 0 && blockBound[b] > largest) {
                largest = blockBound[b];
                top = b;
            }
        }
        return top;
    }

    /** Brings the block's candidates whose bound reaches {@code floor} up to date. */
    private void refresh(int block, float floor) {
        int from = block * BLOCK;
        int to = Math.min(n, from + BLOCK);
        long work = 0;
        for (int i = from; i < to; i++) {
            if (bound[i] >= floor && seen[i] < centers.size()) {
                work += centers.size() - seen[i];
            }
        }
        int parts = work < PARALLEL_WORK ? 1 : scratch.length;
        if (parts == 1) {
            refresh(from, to, floor, scratch[0]);
            return;
        }
        List<ForkJoinTask<?>> others = new ArrayList<>(parts - 1);
        int step = (to - from + parts - 1) / parts;
        for (int p = 1; p < parts; p++) {
            int start = Math.min(to, from + p * step);
            int end = Math.min(to, start + step);
            float[] own = scratch[p];
            others.add(ForkJoinPool.commonPool().submit(() -> refresh(start, end, floor, own)));
        }
        refresh(from, Math.min(to, from + step), floor, scratch[0]);
        others.forEach(ForkJoinTask::join);
    }

    /**
     * Candidates in {@code [from, to)} whose bound reaches the floor are compared with the centres
     * they have not seen; the floor rises to each exact distance found, since a candidate whose
     * bound lies below an exact distance cannot be the farthest.
     */
    private void refresh(int from, int to, float floor, float[] own) {
        int size = centers.size();
        for (int i = from; i < to; i++) {
            float d = bound[i];
            if (d >= floor && seen[i] < size) {
                d = centers.nearer(x, i * dim, seen[i], size, d, own);
                bound[i] = d;
                seen[i] = size;
                floor = Math.max(floor, d);
            }
        }
    }
}
