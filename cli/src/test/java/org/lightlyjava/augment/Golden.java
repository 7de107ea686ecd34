package org.lightlyjava.augment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.lightlyjava.image.RgbImage;

/** Loads the PIL golden files written by {@code resources/augment/generate.py}. */
final class Golden {

    private static final String DIR = "/augment/";

    private Golden() {}

    /** The non-comment lines of {@code cases.txt}. */
    static Stream<String> cases() {
        String text = new String(bytes("cases.txt"), StandardCharsets.UTF_8);
        return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#"));
    }

    /** A PNG from the golden folder as an RGB image. */
    static RgbImage png(String name) {
        try (InputStream in = new ByteArrayInputStream(bytes(name))) {
            BufferedImage img = ImageIO.read(in);
            byte[] px = new byte[img.getWidth() * img.getHeight() * 3];
            for (int y = 0, i = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int rgb = img.getRGB(x, y);
                    px[i++] = (byte) (rgb >> 16);
                    px[i++] = (byte) (rgb >> 8);
                    px[i++] = (byte) rgb;
                }
            }
            return new RgbImage(img.getWidth(), img.getHeight(), px);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String name) {
        try (InputStream in = Golden.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + DIR + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
