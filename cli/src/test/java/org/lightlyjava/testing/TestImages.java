package org.lightlyjava.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Writes small synthetic datasets for tests: class folders of JPEGs whose classes look different
 * (horizontal stripes, vertical stripes, checkerboards), with random colours, phases and noise.
 */
public final class TestImages {

    private TestImages() {}

    /** Writes {@code perClass} images into each of {@code classes} folders under {@code root}. */
    public static Path classFolders(Path root, int classes, int perClass, int width, int height) {
        SplittableRandom random = new SplittableRandom(42);
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < perClass; i++) {
                write(
                        image(c % 3, width, height, random),
                        root.resolve("class_" + c).resolve(String.format("img_%03d.jpg", i)));
            }
        }
        return root;
    }

    /** Writes one pattern image as a JPEG. */
    public static void write(BufferedImage image, Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!ImageIO.write(image, "jpg", file.toFile())) {
                throw new IOException("no JPEG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pattern 0: horizontal stripes, 1: vertical stripes, 2: checkerboard. */
    public static BufferedImage image(int pattern, int width, int height, SplittableRandom random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int period = 4 + random.nextInt(8);
        int phase = random.nextInt(period);
        int a = random.nextInt(0x1000000);
        int b = random.nextInt(0x1000000);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean on =
                        switch (pattern) {
                            case 0 -> ((y + phase) / period) % 2 == 0;
                            case 1 -> ((x + phase) / period) % 2 == 0;
                            default -> (((x + phase) / period) + ((y + phase) / period)) % 2 == 0;
                        };
                int noise = random.nextInt(24) - 12;
                image.setRGB(x, y, shift(on ? a : b, noise));
            }
        }
        return image;
    }

    private static int shift(int rgb, int delta) {
        int r = clamp(((rgb >> 16) & 0xff) + delta);
        int g = clamp(((rgb >> 8) & 0xff) + delta);
        int b = clamp((rgb & 0xff) + delta);
        return (r << 16) | (g << 8) | b;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
