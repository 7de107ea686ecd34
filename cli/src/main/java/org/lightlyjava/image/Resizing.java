package org.lightlyjava.image;

import java.util.List;

/**
 * Lightly's {@code resize=} for metadata and thumbnails: {@code -1} none, {@code x} shorter side to
 * x keeping the aspect ratio (torchvision's {@code Resize(int)}), {@code [h, w]} exact size.
 */
public final class Resizing {

    private Resizing() {}

    public static RgbImage apply(RgbImage image, List<Double> resize) {
        if (resize.isEmpty() || (resize.size() == 1 && resize.get(0) < 0)) {
            return image;
        }
        if (resize.size() == 2) {
            return Resizer.resize(image, resize.get(1).intValue(), resize.get(0).intValue());
        }
        int shorter = resize.get(0).intValue();
        int w = image.width();
        int h = image.height();
        if (w <= h) {
            return Resizer.resize(image, shorter, (int) ((long) shorter * h / w));
        }
        return Resizer.resize(image, (int) ((long) shorter * w / h), shorter);
    }

    /** Checks the value of {@code resize=}; throws with the key's name when it makes no sense. */
    public static void check(List<Double> resize) {
        boolean none = resize.isEmpty() || (resize.size() == 1 && resize.get(0) == -1);
        boolean side = resize.size() == 1 && resize.get(0) >= 1;
        boolean exact = resize.size() == 2 && resize.get(0) >= 1 && resize.get(1) >= 1;
        if (!(none || side || exact)) {
            throw new IllegalArgumentException(
                    "resize must be -1, a positive side length or [height,width]: " + resize);
        }
    }
}
