package org.lightlyjava.train;

/** Derives independent seeds from the run's seed, so no draw depends on thread timing. */
final class Seeds {

    private Seeds() {}

    /** A well-mixed seed for (run seed, epoch, sample index); -1 as index for epoch-level draws. */
    static long mix(long seed, int epoch, int index) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h = murmur(h ^ epoch);
        h = murmur(h ^ ((long) index << 32 | (index & 0xffffffffL)));
        return h;
    }

    private static long murmur(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
