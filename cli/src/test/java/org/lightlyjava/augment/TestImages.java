package org.lightlyjava.augment;

import java.util.List;
import java.util.SplittableRandom;
import org.lightlyjava.image.RgbImage;

/** Deterministic synthetic images and settings for the augment tests. */
final class TestImages {

    private TestImages() {}

    /** Random colours from a fixed seed. */
    static RgbImage noise(int width, int height, long seed) {
        byte[] px = new byte[width * height * 3];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) rng.nextInt(256);
        }
        return new RgbImage(width, height, px);
    }

    /** Settings with every random step switched off (probability 0). */
    static AugmentSettings allOff(int inputSize) {
        return new AugmentSettings(
                inputSize, 0.15, 0, null, 0, 0, 0, 0.7, 0.7, 0.7, 0.2, 0, 0, List.of(0.2, 2.0));
    }

    /** {@code base} with the given probabilities: rr, hf, vf, cj, gray, blur. */
    static AugmentSettings withProbs(
            AugmentSettings b,
            double rr,
            double hf,
            double vf,
            double cj,
            double gray,
            double blur) {
        return new AugmentSettings(
                b.inputSize(),
                b.minScale(),
                rr,
                b.rrDegrees(),
                hf,
                vf,
                cj,
                b.cjBright(),
                b.cjContrast(),
                b.cjSat(),
                b.cjHue(),
                gray,
                blur,
                b.sigmas());
    }
}
