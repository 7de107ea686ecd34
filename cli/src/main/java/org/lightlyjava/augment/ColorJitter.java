package org.lightlyjava.augment;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * torchvision 0.14's {@code ColorJitter(brightness, contrast, saturation, hue)} for PIL images:
 * factors drawn uniformly from [max(0, 1 - x), 1 + x] (hue from [-h, h]) and the four adjustments
 * applied in a random order. An operation whose strength is 0 is skipped, as torchvision skips it
 * (this matters for hue, whose HSV round trip is not lossless).
 *
 * @param order the operations in application order: 0 brightness, 1 contrast, 2 saturation, 3 hue
 * @param brightness brightness factor, or NaN when off
 * @param contrast contrast factor, or NaN when off
 * @param saturation saturation factor, or NaN when off
 * @param hue hue shift in [-0.5, 0.5], or NaN when off
 */
record ColorJitter(
        List<Integer> order, double brightness, double contrast, double saturation, double hue) {

    static final int BRIGHTNESS = 0;
    static final int CONTRAST = 1;
    static final int SATURATION = 2;
    static final int HUE = 3;

    /**
     * Draws an order and four factors. Always consumes three ints and four doubles, whatever the
     * strengths, so later draws of a view do not shift when a strength is changed.
     */
    static ColorJitter sample(AugmentSettings s, RandomGenerator rng) {
        int[] order = {0, 1, 2, 3};
        for (int i = 3; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double b = factor(s.cjBright(), rng);
        double c = factor(s.cjContrast(), rng);
        double sat = factor(s.cjSat(), rng);
        double u = rng.nextDouble();
        double h = s.cjHue() == 0 ? Double.NaN : -s.cjHue() + 2 * s.cjHue() * u;
        return new ColorJitter(List.of(order[0], order[1], order[2], order[3]), b, c, sat, h);
    }

    /** Applies the adjustments in order to the RGB buffer, in place. */
    void apply(byte[] px) {
        for (int op : order) {
            switch (op) {
                case BRIGHTNESS -> {
                    if (!Double.isNaN(brightness)) {
                        ColorOps.brightness(px, brightness);
                    }
                }
                case CONTRAST -> {
                    if (!Double.isNaN(contrast)) {
                        ColorOps.contrast(px, contrast);
                    }
                }
                case SATURATION -> {
                    if (!Double.isNaN(saturation)) {
                        ColorOps.saturation(px, saturation);
                    }
                }
                case HUE -> {
                    if (!Double.isNaN(hue)) {
                        Hue.shift(px, hue);
                    }
                }
                default -> throw new IllegalStateException("unknown colour jitter step " + op);
            }
        }
    }

    private static double factor(double strength, RandomGenerator rng) {
        double u = rng.nextDouble();
        if (strength == 0) {
            return Double.NaN;
        }
        double lo = Math.max(0.0, 1.0 - strength);
        return lo + (1.0 + strength - lo) * u;
    }
}
