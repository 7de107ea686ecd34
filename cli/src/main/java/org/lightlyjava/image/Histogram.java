package org.lightlyjava.image;

/**
 * How often each byte value (0-255) occurs. Sums come out exact (longs) and the standard deviation
 * is taken around the mean, which is stable where {@code E[v^2] - E[v]^2} in doubles is not.
 */
final class Histogram {

    private final long[] counts;

    /** Takes the 256 counts (not copied). */
    Histogram(long[] counts) {
        if (counts.length != 256) {
            throw new IllegalArgumentException("need 256 counts, got " + counts.length);
        }
        this.counts = counts;
    }

    /** The 256 counts {@code counts[from .. from + 255]}. */
    static Histogram of(int[] counts, int from) {
        long[] wide = new long[256];
        for (int v = 0; v < 256; v++) {
            wide[v] = counts[from + v];
        }
        return new Histogram(wide);
    }

    /** The histogram of all values counted by any of the given histograms. */
    static Histogram merge(Histogram... parts) {
        long[] total = new long[256];
        for (Histogram part : parts) {
            for (int v = 0; v < 256; v++) {
                total[v] += part.counts[v];
            }
        }
        return new Histogram(total);
    }

    long count() {
        long count = 0;
        for (long c : counts) {
            count += c;
        }
        return count;
    }

    long sum() {
        long sum = 0;
        for (int v = 1; v < 256; v++) {
            sum += counts[v] * v;
        }
        return sum;
    }

    long sumOfSquares() {
        long sum = 0;
        for (int v = 1; v < 256; v++) {
            sum += counts[v] * v * v;
        }
        return sum;
    }

    double mean() {
        return (double) sum() / count();
    }

    /** The population standard deviation (numpy's default, {@code ddof=0}). */
    double std() {
        double mean = mean();
        double squares = 0;
        for (int v = 0; v < 256; v++) {
            double d = v - mean;
            squares += counts[v] * d * d;
        }
        return Math.sqrt(squares / count());
    }
}
