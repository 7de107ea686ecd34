package org.lightlyjava.server.selection;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Lightly's {@code RANDOM}: a uniform choice without replacement, the same for the same seed. */
public final class RandomPicks {

    private RandomPicks() {}

    /**
     * Chooses {@code min(count, n)} of {@code 0 .. n-1} (a partial Fisher-Yates shuffle).
     *
     * @return the chosen indices, ascending
     */
    public static int[] select(int n, int count, long seed) {
        int wanted = Math.max(0, Math.min(count, n));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < wanted; i++) {
            int j = i + random.nextInt(n - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] chosen = Arrays.copyOf(order, wanted);
        Arrays.sort(chosen);
        return chosen;
    }
}
