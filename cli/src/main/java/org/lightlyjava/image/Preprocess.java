package org.lightlyjava.image;

import java.util.Arrays;

/**
 * How an image becomes the model's input, as torchvision transforms on a PIL image make it: a
 * resize, then {@code ToTensor} and {@code Normalize(mean, std)}.
 *
 * <ul>
 *   <li>{@link Resize#SQUARE}: {@code Resize((s, s))}, the aspect ratio not kept (Lightly's
 *       embedding transform);
 *   <li>{@link Resize#SHORTER_SIDE}: {@code Resize(r)} (the shorter side to {@code r}, aspect
 *       kept), then {@code CenterCrop(s)}: what DINOv2 ({@code r = 256, s = 224}) and CLIP ({@code
 *       r = s = 224}) preprocess with.
 * </ul>
 *
 * @param resize how the image is brought to the input size
 * @param resizeSize {@code r}, the shorter side before the centre crop ({@link
 *     Resize#SHORTER_SIDE})
 * @param filter PIL's resampling filter
 * @param inputSize {@code s}, the side of the square model input
 * @param mean per-channel mean (red, green, blue) subtracted after scaling to 0..1
 * @param std per-channel standard deviation divided by
 */
public record Preprocess(
        Resize resize,
        int resizeSize,
        Resizer.Filter filter,
        int inputSize,
        float[] mean,
        float[] std) {

    /** The two ways of reaching the model's input size. */
    public enum Resize {
        SQUARE,
        SHORTER_SIDE
    }

    public Preprocess {
        if (inputSize < 1) {
            throw new IllegalArgumentException("the input size must be positive: " + inputSize);
        }
        if (resize == Resize.SHORTER_SIDE && resizeSize < 1) {
            throw new IllegalArgumentException("the resize size must be positive: " + resizeSize);
        }
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("mean and std need 3 values (red, green, blue)");
        }
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException(
                        "std values must be positive: " + Arrays.toString(std));
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** Lightly's embedding transform: square bilinear resize, ImageNet mean and std. */
    public static Preprocess lightly(int inputSize) {
        return new Preprocess(
                Resize.SQUARE,
                inputSize,
                Resizer.Filter.BILINEAR,
                inputSize,
                Resizer.IMAGENET_MEAN,
                Resizer.IMAGENET_STD);
    }

    /** The same transform for another input size. */
    public Preprocess withInputSize(int size) {
        int r = resize == Resize.SQUARE ? size : resizeSize;
        return new Preprocess(resize, r, filter, size, mean, std);
    }

    /** The image resized (and cropped) to {@code inputSize x inputSize}. */
    public RgbImage apply(RgbImage image) {
        if (resize == Resize.SQUARE) {
            return Resizer.resize(image, inputSize, inputSize, filter);
        }
        int w = image.width();
        int h = image.height();
        // torchvision 0.14 _compute_resized_output_size: int(r * long / short)
        int longer = (int) ((double) resizeSize * Math.max(w, h) / Math.min(w, h));
        RgbImage resized =
                w <= h
                        ? Resizer.resize(image, resizeSize, longer, filter)
                        : Resizer.resize(image, longer, resizeSize, filter);
        return Resizer.centerCrop(resized, inputSize, inputSize);
    }

    /**
     * Writes the model input for {@code image} as CHW floats into {@code dst} at {@code offset}.
     */
    public void toTensor(RgbImage image, float[] dst, int offset) {
        Resizer.toTensor(apply(image), mean, std, dst, offset);
    }

    /** Floats per image: {@code 3 * inputSize * inputSize}. */
    public int tensorLength() {
        return 3 * inputSize * inputSize;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preprocess p
                && resize == p.resize
                && resizeSize == p.resizeSize
                && filter == p.filter
                && inputSize == p.inputSize
                && Arrays.equals(mean, p.mean)
                && Arrays.equals(std, p.std);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {resize, resizeSize, filter, inputSize})
                + 31 * Arrays.hashCode(mean)
                + 961 * Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        String how =
                resize == Resize.SQUARE
                        ? "resize to " + inputSize + "x" + inputSize
                        : "shorter side to " + resizeSize + ", centre crop " + inputSize;
        return how
                + " ("
                + filter.name().toLowerCase(java.util.Locale.ROOT)
                + "), mean "
                + Arrays.toString(mean)
                + ", std "
                + Arrays.toString(std);
    }
}
