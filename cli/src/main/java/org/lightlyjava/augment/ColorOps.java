package org.lightlyjava.augment;

/**
 * PIL's {@code ImageEnhance} operations and {@code convert("L")} on an RGB pixel buffer, in place:
 * what torchvision's {@code adjust_brightness/contrast/saturation} and {@code rgb_to_grayscale} do
 * for PIL images. Each enhance is {@code Image.blend(degenerate, image, factor)}, computed as
 * libImaging/Blend.c does (float32, truncation, clipping), so results match PIL byte for byte.
 */
final class ColorOps {

    private ColorOps() {}

    /** {@code ImageEnhance.Brightness}: blend with black. */
    static void brightness(byte[] px, double factor) {
        applyTable(px, blendTable(0, (float) factor));
    }

    /** {@code ImageEnhance.Contrast}: blend with the image's mean grey level, rounded as PIL. */
    static void contrast(byte[] px, double factor) {
        applyTable(px, blendTable(meanLuma(px), (float) factor));
    }

    /** {@code ImageEnhance.Color}: blend each pixel with its own grey level. */
    static void saturation(byte[] px, double factor) {
        float alpha = (float) factor;
        for (int i = 0; i < px.length; i += 3) {
            int l = luma(px[i] & 0xff, px[i + 1] & 0xff, px[i + 2] & 0xff);
            px[i] = (byte) blend(l, px[i] & 0xff, alpha);
            px[i + 1] = (byte) blend(l, px[i + 1] & 0xff, alpha);
            px[i + 2] = (byte) blend(l, px[i + 2] & 0xff, alpha);
        }
    }

    /** {@code convert("L")} replicated to three channels. */
    static void grayscale(byte[] px) {
        for (int i = 0; i < px.length; i += 3) {
            byte l = (byte) luma(px[i] & 0xff, px[i + 1] & 0xff, px[i + 2] & 0xff);
            px[i] = l;
            px[i + 1] = l;
            px[i + 2] = l;
        }
    }

    /** PIL's RGB to L: ITU-R 601-2 luma in 16.16 fixed point, rounded (Convert.c L24). */
    static int luma(int r, int g, int b) {
        return (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
    }

    /**
     * ImageStat's mean of the L image, rounded as {@code ImageEnhance.Contrast} does: {@code
     * int(mean + 0.5)}.
     */
    static int meanLuma(byte[] px) {
        long sum = 0;
        for (int i = 0; i < px.length; i += 3) {
            sum += luma(px[i] & 0xff, px[i + 1] & 0xff, px[i + 2] & 0xff);
        }
        return (int) ((double) sum / (px.length / 3) + 0.5);
    }

    /**
     * Blend.c for one channel value: {@code in1 + alpha * (in2 - in1)} in float32, clipped to [0,
     * 255] and truncated (not rounded) to an integer.
     */
    static int blend(int degenerate, int value, float alpha) {
        float t = degenerate + alpha * (value - degenerate);
        if (t <= 0f) {
            return 0;
        }
        return t >= 255f ? 255 : (int) t;
    }

    private static byte[] blendTable(int degenerate, float alpha) {
        byte[] table = new byte[256];
        for (int v = 0; v < 256; v++) {
            table[v] = (byte) blend(degenerate, v, alpha);
        }
        return table;
    }

    private static void applyTable(byte[] px, byte[] table) {
        for (int i = 0; i < px.length; i++) {
            px[i] = table[px[i] & 0xff];
        }
    }
}
