package org.lightlyjava.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The test corpus in {@code src/test/resources/images} (made by {@code generate.sh} there) and
 * small helpers to build and inspect images.
 *
 * <p>Most fixtures show the same 64x48 picture: red | green over blue | white, quadrants of 32x24
 * pixels.
 */
final class Fixtures {

    static final int[] RED = {255, 0, 0};
    static final int[] GREEN = {0, 255, 0};
    static final int[] BLUE = {0, 0, 255};
    static final int[] WHITE = {255, 255, 255};

    private Fixtures() {}

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/images/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An image from {@code r, g, b} values, row by row. */
    static RgbImage rgb(int width, int height, int... values) {
        byte[] pixels = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            pixels[i] = (byte) values[i];
        }
        return new RgbImage(width, height, pixels);
    }

    /** An image whose pixels are grey ({@code r = g = b}), values row by row. */
    static RgbImage grey(int width, int height, int... values) {
        int[] rgb = new int[values.length * 3];
        for (int i = 0; i < values.length; i++) {
            rgb[3 * i] = values[i];
            rgb[3 * i + 1] = values[i];
            rgb[3 * i + 2] = values[i];
        }
        return rgb(width, height, rgb);
    }

    static int[] pixel(RgbImage image, int x, int y) {
        return new int[] {image.get(x, y, 0), image.get(x, y, 1), image.get(x, y, 2)};
    }

    static void assertPixel(RgbImage image, int x, int y, int[] expected, int tolerance) {
        int[] actual = pixel(image, x, y);
        for (int c = 0; c < 3; c++) {
            assertThat(actual[c])
                    .as("channel %d of pixel (%d, %d)", c, x, y)
                    .isCloseTo(expected[c], within(tolerance));
        }
    }

    /** Checks the centres of the four quadrants of the 64x48 fixture picture. */
    static void assertQuadrants(RgbImage image, int tolerance) {
        assertThat(image.width()).isEqualTo(64);
        assertThat(image.height()).isEqualTo(48);
        assertPixel(image, 16, 12, RED, tolerance);
        assertPixel(image, 48, 12, GREEN, tolerance);
        assertPixel(image, 16, 36, BLUE, tolerance);
        assertPixel(image, 48, 36, WHITE, tolerance);
    }
}
