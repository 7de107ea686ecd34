package org.lightlyjava.augment;

import java.util.List;
import java.util.Objects;

/**
 * The {@code collate.*} settings of Lightly's {@code ImageCollateFunction} (v1.2.47) that shape one
 * SimCLR view. Validated on construction: a bad value throws {@link IllegalArgumentException} whose
 * message names the config key, e.g. {@code "collate.cj_hue must be in [0, 0.5]"}.
 *
 * @param inputSize {@code collate.input_size}: side of the square output view, at least 1
 * @param minScale {@code collate.min_scale}: smallest crop area fraction, in [0, 1]
 * @param rrProb {@code collate.rr_prob}: probability of a rotation
 * @param rrDegrees {@code collate.rr_degrees}: empty (or null) for Lightly's fixed 90 degree
 *     rotation, {@code [d]} for a uniform angle in [-d, d], {@code [a, b]} for one in [a, b]
 * @param hfProb {@code collate.hf_prob}: probability of a horizontal flip
 * @param vfProb {@code collate.vf_prob}: probability of a vertical flip
 * @param cjProb {@code collate.cj_prob}: probability of colour jitter
 * @param cjBright {@code collate.cj_bright}: brightness strength, at least 0 (0 turns it off)
 * @param cjContrast {@code collate.cj_contrast}: contrast strength, at least 0
 * @param cjSat {@code collate.cj_sat}: saturation strength, at least 0
 * @param cjHue {@code collate.cj_hue}: hue strength, in [0, 0.5]
 * @param grayProb {@code collate.random_gray_scale}: probability of grayscale
 * @param blurProb {@code collate.gaussian_blur}: probability of Gaussian blur
 * @param sigmas {@code collate.sigmas}: two non-negative numbers; the blur radius is drawn
 *     uniformly between them
 */
public record AugmentSettings(
        int inputSize,
        double minScale,
        double rrProb,
        List<Double> rrDegrees,
        double hfProb,
        double vfProb,
        double cjProb,
        double cjBright,
        double cjContrast,
        double cjSat,
        double cjHue,
        double grayProb,
        double blurProb,
        List<Double> sigmas) {

    public AugmentSettings {
        if (inputSize < 1) {
            throw invalid("collate.input_size must be at least 1, got " + inputSize);
        }
        inRange("collate.min_scale", minScale, 0, 1);
        inRange("collate.rr_prob", rrProb, 0, 1);
        inRange("collate.hf_prob", hfProb, 0, 1);
        inRange("collate.vf_prob", vfProb, 0, 1);
        inRange("collate.cj_prob", cjProb, 0, 1);
        nonNegative("collate.cj_bright", cjBright);
        nonNegative("collate.cj_contrast", cjContrast);
        nonNegative("collate.cj_sat", cjSat);
        inRange("collate.cj_hue", cjHue, 0, 0.5);
        inRange("collate.random_gray_scale", grayProb, 0, 1);
        inRange("collate.gaussian_blur", blurProb, 0, 1);
        rrDegrees = checkDegrees(rrDegrees);
        sigmas = checkSigmas(sigmas);
    }

    /**
     * Lightly's defaults for the given view size: min_scale 0.15, no rotation (rr_prob 0,
     * rr_degrees null), hf_prob 0.5, vf_prob 0, colour jitter with probability 0.8 and strengths
     * 0.7/0.7/0.7/0.2, grayscale 0.2, blur 0.5 with sigmas [0.2, 2].
     */
    public static AugmentSettings lightlyDefaults(int inputSize) {
        return new AugmentSettings(
                inputSize,
                0.15,
                0.0,
                List.of(),
                0.5,
                0.0,
                0.8,
                0.7,
                0.7,
                0.7,
                0.2,
                0.2,
                0.5,
                List.of(0.2, 2.0));
    }

    /** Whether a rotation is Lightly's fixed 90 degrees rather than a random angle. */
    boolean rotatesBy90() {
        return rrDegrees.isEmpty();
    }

    /** Lower bound of the random rotation angle in degrees (for {@code rr_degrees} set). */
    double minDegrees() {
        return rrDegrees.size() == 1 ? -rrDegrees.get(0) : rrDegrees.get(0);
    }

    /** Upper bound of the random rotation angle in degrees (for {@code rr_degrees} set). */
    double maxDegrees() {
        return rrDegrees.get(rrDegrees.size() - 1);
    }

    private static List<Double> checkDegrees(List<Double> degrees) {
        if (degrees == null || degrees.isEmpty()) {
            return List.of();
        }
        String rule =
                "collate.rr_degrees must be null, a number d >= 0 or a pair [a, b] with"
                        + " a <= b, got "
                        + degrees;
        if (degrees.size() > 2 || hasNull(degrees)) {
            throw invalid(rule);
        }
        boolean ok =
                degrees.size() == 1
                        ? degrees.get(0) >= 0 && Double.isFinite(degrees.get(0))
                        : degrees.get(0) <= degrees.get(1)
                                && Double.isFinite(degrees.get(0))
                                && Double.isFinite(degrees.get(1));
        if (!ok) {
            throw invalid(rule);
        }
        return List.copyOf(degrees);
    }

    // Lightly draws np.random.uniform(sigmas[0], sigmas[1]), which accepts either order.
    private static List<Double> checkSigmas(List<Double> sigmas) {
        if (sigmas == null
                || sigmas.size() != 2
                || hasNull(sigmas)
                || !(sigmas.get(0) >= 0 && sigmas.get(1) >= 0)
                || Double.isInfinite(sigmas.get(0))
                || Double.isInfinite(sigmas.get(1))) {
            throw invalid("collate.sigmas must be two numbers >= 0, got " + sigmas);
        }
        return List.copyOf(sigmas);
    }

    // List.of(...).contains(null) throws, so look for nulls by hand.
    private static boolean hasNull(List<Double> values) {
        return values.stream().anyMatch(Objects::isNull);
    }

    private static void inRange(String key, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw invalid(key + " must be in [" + fmt(min) + ", " + fmt(max) + "], got " + value);
        }
    }

    private static void nonNegative(String key, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw invalid(key + " must be a number >= 0, got " + value);
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static IllegalArgumentException invalid(String message) {
        return new IllegalArgumentException(message);
    }
}
