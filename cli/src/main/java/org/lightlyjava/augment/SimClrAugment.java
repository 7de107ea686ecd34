package org.lightlyjava.augment;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.lightlyjava.image.Resizer;
import org.lightlyjava.image.RgbImage;

/**
 * One random SimCLR view of an image, as Lightly v1.2.47's {@code ImageCollateFunction} makes it:
 * random resized crop (scale [min_scale, 1], ratio [3/4, 4/3]) to {@code input_size}, random
 * rotation, horizontal and vertical flips, colour jitter, grayscale, Gaussian blur, then ToTensor
 * and ImageNet normalisation. Each step reproduces the PIL/torchvision operation byte for byte;
 * only the random numbers differ from Python's.
 *
 * <p>All randomness comes from the generator passed in, so the same seed gives the same bytes.
 * Instances hold no mutable state and may be shared between threads, each with its own generator.
 */
public final class SimClrAugment {

    private final AugmentSettings settings;

    public SimClrAugment(AugmentSettings s) {
        this.settings = Objects.requireNonNull(s, "settings");
    }

    /** Returns a new {@code inputSize x inputSize} augmented view of {@code src} (not modified). */
    public RgbImage view(RgbImage src, RandomGenerator rng) {
        return render(src, ViewParams.sample(settings, src.width(), src.height(), rng));
    }

    /**
     * Writes one view as normalised CHW floats ({@code 3 * inputSize * inputSize} of them) into
     * {@code dst} from {@code offset}: {@link #view} followed by {@link Resizer#toTensor} with the
     * ImageNet mean and standard deviation.
     */
    public void viewTensor(RgbImage src, RandomGenerator rng, float[] dst, int offset) {
        Resizer.toTensor(view(src, rng), Resizer.IMAGENET_MEAN, Resizer.IMAGENET_STD, dst, offset);
    }

    /** Renders the view that {@code p} describes; a pure function of its arguments. */
    RgbImage render(RgbImage src, ViewParams p) {
        int size = settings.inputSize();
        CropBox c = p.crop();
        RgbImage img =
                Resizer.resizedCrop(src, c.top(), c.left(), c.height(), c.width(), size, size);
        if (p.angle() != 0) {
            img = Rotation.rotate(img, p.angle());
        }
        byte[] px = img.pixels(); // a fresh buffer from the resize or rotation: ours to modify
        if (p.hflip()) {
            Flip.horizontal(px, size, size);
        }
        if (p.vflip()) {
            Flip.vertical(px, size, size);
        }
        if (p.jitter() != null) {
            p.jitter().apply(px);
        }
        if (p.gray()) {
            ColorOps.grayscale(px);
        }
        if (p.blurRadius() > 0) {
            GaussianBlur.blur(px, size, size, p.blurRadius());
        }
        return img;
    }
}
