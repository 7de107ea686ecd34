package org.lightlyjava.image;

import java.util.Map;

/**
 * Turns a picture stored sideways or mirrored upright, as its EXIF {@code Orientation} tag asks
 * (the transforms of Pillow's {@code ImageOps.exif_transpose}).
 */
final class Orientation {

    private Orientation() {}

    /** The orientation (1-8) in the EXIF map, 1 (as stored) when missing or out of range. */
    static int of(Map<String, Object> exif) {
        if (exif.get("Orientation") instanceof Number n && n.intValue() >= 1 && n.intValue() <= 8) {
            return n.intValue();
        }
        return 1;
    }

    /**
     * The upright picture for a stored picture with the given orientation: 2 mirrors left-right, 3
     * turns 180 degrees, 4 mirrors top-bottom, 5 transposes, 6 turns 90 degrees clockwise, 7
     * transverses and 8 turns 90 degrees counter-clockwise. Orientation 1 returns the input.
     */
    static RgbImage apply(RgbImage stored, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return stored;
        }
        int w = stored.width();
        int h = stored.height();
        boolean swapsSides = orientation >= 5;
        // Stored pixel (x, y) goes to output pixel number base + x * dx + y * dy.
        int outWidth = swapsSides ? h : w;
        int last = w * h - 1;
        int[] baseDxDy =
                switch (orientation) {
                    case 2 -> new int[] {w - 1, -1, w};
                    case 3 -> new int[] {last, -1, -w};
                    case 4 -> new int[] {(h - 1) * w, 1, -w};
                    case 5 -> new int[] {0, h, 1};
                    case 6 -> new int[] {h - 1, h, -1};
                    case 7 -> new int[] {last, -h, -1};
                    default -> new int[] {(w - 1) * h, -h, 1};
                };
        byte[] out = remap(stored, baseDxDy[0], baseDxDy[1], baseDxDy[2]);
        return new RgbImage(outWidth, swapsSides ? w : h, out);
    }

    private static byte[] remap(RgbImage stored, int base, int dx, int dy) {
        byte[] in = stored.pixels();
        byte[] out = new byte[in.length];
        int i = 0;
        for (int y = 0; y < stored.height(); y++) {
            int o = base + y * dy;
            for (int x = 0; x < stored.width(); x++, i += 3, o += dx) {
                out[3 * o] = in[i];
                out[3 * o + 1] = in[i + 1];
                out[3 * o + 2] = in[i + 2];
            }
        }
        return out;
    }
}
