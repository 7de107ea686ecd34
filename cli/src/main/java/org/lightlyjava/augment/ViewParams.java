package org.lightlyjava.augment;

import java.util.random.RandomGenerator;

/**
 * Every random choice behind one SimCLR view, drawn up front so that rendering is a pure function
 * of the source and these values.
 *
 * @param crop the source rectangle to crop and resize
 * @param angle rotation in degrees, counter-clockwise; 0 for none (PIL's rotate(0) is a copy)
 * @param hflip whether to mirror left-right
 * @param vflip whether to mirror top-bottom
 * @param jitter the colour jitter to apply, or null for none
 * @param gray whether to convert to grayscale
 * @param blurRadius PIL Gaussian blur radius; 0 for none (radius 0 leaves the image unchanged)
 */
record ViewParams(
        CropBox crop,
        double angle,
        boolean hflip,
        boolean vflip,
        ColorJitter jitter,
        boolean gray,
        double blurRadius) {

    /**
     * Draws the parameters of one view of a {@code width x height} source, in pipeline order: the
     * crop (a variable number of draws, as torchvision's), then for each later step a coin and its
     * values. Every step after the crop consumes the same number of draws whatever the settings, so
     * switching one step on or off leaves all the other choices unchanged.
     */
    static ViewParams sample(AugmentSettings s, int width, int height, RandomGenerator rng) {
        CropBox crop = RandomResizedCrop.sample(width, height, s.minScale(), rng);
        boolean rotate = coin(s.rrProb(), rng);
        double angleDraw = rng.nextDouble();
        double angle =
                !rotate
                        ? 0.0
                        : s.rotatesBy90()
                                ? 90.0
                                : s.minDegrees() + (s.maxDegrees() - s.minDegrees()) * angleDraw;
        boolean hflip = coin(s.hfProb(), rng);
        boolean vflip = coin(s.vfProb(), rng);
        boolean jitterOn = coin(s.cjProb(), rng);
        ColorJitter jitter = ColorJitter.sample(s, rng);
        boolean gray = coin(s.grayProb(), rng);
        boolean blur = coin(s.blurProb(), rng);
        double sigma = RandomResizedCrop.uniform(rng, s.sigmas().get(0), s.sigmas().get(1));
        return new ViewParams(
                crop, angle, hflip, vflip, jitterOn ? jitter : null, gray, blur ? sigma : 0.0);
    }

    // torchvision's "torch.rand(1) < p": p = 0 never fires, p = 1 always does.
    private static boolean coin(double p, RandomGenerator rng) {
        return rng.nextDouble() < p;
    }
}
