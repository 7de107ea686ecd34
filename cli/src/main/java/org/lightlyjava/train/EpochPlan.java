package org.lightlyjava.train;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * The order in which training visits samples: epoch after epoch, each a permutation of the sample
 * indices drawn from the seed and the epoch number alone (or the plain order without shuffling). So
 * a resumed run sees exactly the batches an uninterrupted one would.
 */
final class EpochPlan implements Iterator<EpochPlan.Visit> {

    /** One sample visit: in {@code epoch}, the {@code position}-th item is sample {@code index}. */
    record Visit(int epoch, int position, int index) {}

    private final int samples;
    private final boolean shuffle;
    private final long seed;
    private final int lastEpoch;
    private int epoch;
    private int position;
    private int[] order;

    /** Visits epochs {@code firstEpoch} to {@code lastEpoch} - 1. */
    EpochPlan(int samples, boolean shuffle, long seed, int firstEpoch, int lastEpoch) {
        this.samples = samples;
        this.shuffle = shuffle;
        this.seed = seed;
        this.epoch = firstEpoch;
        this.lastEpoch = lastEpoch;
        this.order = firstEpoch < lastEpoch ? order(firstEpoch) : new int[0];
    }

    @Override
    public boolean hasNext() {
        return epoch < lastEpoch && samples > 0;
    }

    @Override
    public Visit next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Visit visit = new Visit(epoch, position, order[position]);
        position++;
        if (position == samples) {
            position = 0;
            epoch++;
            if (epoch < lastEpoch) {
                order = order(epoch);
            }
        }
        return visit;
    }

    int[] order(int forEpoch) {
        int[] out = new int[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = i;
        }
        if (shuffle) {
            SplittableRandom random = new SplittableRandom(Seeds.mix(seed, forEpoch, -1));
            for (int i = samples - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = out[i];
                out[i] = out[j];
                out[j] = swap;
            }
        }
        return out;
    }
}
