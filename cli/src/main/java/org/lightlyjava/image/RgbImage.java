package org.lightlyjava.image;

/**
 * An 8-bit RGB image: {@code width * height * 3} bytes, pixels row by row, each pixel {@code r, g,
 * b}. Bytes are unsigned; read them with {@code pixels[i] & 0xff}.
 *
 * <p>This is the one pixel format the pipeline passes around after decoding: metrics, resizing,
 * augmentation and thumbnails all start from it.
 */
public record RgbImage(int width, int height, byte[] pixels) {

    public RgbImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(
                    "image size must be positive: " + width + "x" + height);
        }
        if (pixels.length != (long) width * height * 3) {
            throw new IllegalArgumentException(
                    "expected "
                            + (long) width * height * 3
                            + " bytes for "
                            + width
                            + "x"
                            + height
                            + " RGB, got "
                            + pixels.length);
        }
    }

    /** A black image of the given size. */
    public static RgbImage blank(int width, int height) {
        return new RgbImage(width, height, new byte[width * height * 3]);
    }

    /** The value of channel {@code c} (0 red, 1 green, 2 blue) at {@code (x, y)}, 0-255. */
    public int get(int x, int y, int c) {
        return pixels[(y * width + x) * 3 + c] & 0xff;
    }
}
