package org.lightlyjava.augment;

import java.util.random.RandomGenerator;

/**
 * The crop of torchvision 0.14's {@code RandomResizedCrop.get_params} with {@code ratio=(3/4,
 * 4/3)}: ten tries of a uniform area fraction in [minScale, 1] and a log-uniform aspect ratio, then
 * a central crop clamped to the ratio bounds. The crop is then resized with {@code
 * Resizer.resizedCrop}, as torchvision does with PIL input.
 */
final class RandomResizedCrop {

    static final double MIN_RATIO = 3.0 / 4.0;
    static final double MAX_RATIO = 4.0 / 3.0;
    private static final double LOG_MIN_RATIO = StrictMath.log(MIN_RATIO);
    private static final double LOG_MAX_RATIO = StrictMath.log(MAX_RATIO);
    private static final int ATTEMPTS = 10;

    private RandomResizedCrop() {}

    /**
     * Draws a crop of a {@code width x height} image. Consumes two doubles per attempt and, for an
     * accepted attempt, two ints.
     */
    static CropBox sample(int width, int height, double minScale, RandomGenerator rng) {
        double area = (double) width * height;
        for (int i = 0; i < ATTEMPTS; i++) {
            double targetArea = area * uniform(rng, minScale, 1.0);
            double aspect = StrictMath.exp(uniform(rng, LOG_MIN_RATIO, LOG_MAX_RATIO));
            // Python's round() is round-half-even, like Math.rint.
            int w = (int) Math.rint(Math.sqrt(targetArea * aspect));
            int h = (int) Math.rint(Math.sqrt(targetArea / aspect));
            if (0 < w && w <= width && 0 < h && h <= height) {
                int top = rng.nextInt(height - h + 1);
                int left = rng.nextInt(width - w + 1);
                return new CropBox(top, left, h, w);
            }
        }
        return central(width, height);
    }

    /** torchvision's fallback: the whole image, cut to the nearest allowed aspect ratio. */
    static CropBox central(int width, int height) {
        double inRatio = (double) width / height;
        int w = width;
        int h = height;
        if (inRatio < MIN_RATIO) {
            h = (int) Math.rint(w / MIN_RATIO);
        } else if (inRatio > MAX_RATIO) {
            w = (int) Math.rint(h * MAX_RATIO);
        }
        return new CropBox((height - h) / 2, (width - w) / 2, h, w);
    }

    /** A uniform draw in [lo, hi) as torch's {@code uniform_(lo, hi)} defines it. */
    static double uniform(RandomGenerator rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }
}
