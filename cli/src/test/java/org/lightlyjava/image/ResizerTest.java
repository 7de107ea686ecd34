package org.lightlyjava.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares {@link Resizer} with PIL 9.4 / torchvision 0.14 outputs produced by {@code
 * resources/resize/generate.py} (cases listed in {@code cases.txt}).
 */
class ResizerTest {

    private static final String DIR = "/resize/";

    static Stream<String> cases() {
        String text = new String(bytes("cases.txt"), StandardCharsets.UTF_8);
        return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resize_matchesPilGolden(String line) {
        String[] f = line.split(" ");
        RgbImage src = png("src_" + f[1] + ".png");
        int w = Integer.parseInt(f[2]);
        int h = Integer.parseInt(f[3]);
        double[] a = Arrays.stream(f, 5, f.length).mapToDouble(Double::parseDouble).toArray();
        RgbImage actual =
                switch (f[4]) {
                    case "full" -> Resizer.resize(src, w, h);
                    case "box" ->
                            Resizer.resize(
                                    src,
                                    w,
                                    h,
                                    (float) a[0],
                                    (float) a[1],
                                    (float) a[2],
                                    (float) a[3]);
                    case "crop" ->
                            Resizer.resizedCrop(
                                    src, (int) a[0], (int) a[1], (int) a[2], (int) a[3], w, h);
                    case "bicubic" -> Resizer.resize(src, w, h, Resizer.Filter.BICUBIC);
                    case "shortcrop" ->
                            new Preprocess(
                                            Preprocess.Resize.SHORTER_SIDE,
                                            (int) a[0],
                                            Resizer.Filter.BICUBIC,
                                            w,
                                            Resizer.IMAGENET_MEAN,
                                            Resizer.IMAGENET_STD)
                                    .apply(src);
                    default -> throw new IllegalArgumentException(f[4]);
                };
        RgbImage expected = png("out_" + f[0] + ".png");
        assertThat(actual.width()).isEqualTo(w);
        assertThat(actual.height()).isEqualTo(h);
        assertThat(actual.pixels()).isEqualTo(expected.pixels());
    }

    @Test
    void resize_sameSize_returnsEqualCopy() {
        RgbImage src = png("src_small.png");
        RgbImage out = Resizer.resize(src, src.width(), src.height());
        assertThat(out.pixels()).isEqualTo(src.pixels()).isNotSameAs(src.pixels());
    }

    @Test
    void resizedCrop_outsideImage_readsBlack() {
        RgbImage src = solid(4, 4, 200);
        RgbImage out = Resizer.resizedCrop(src, -2, 0, 4, 4, 4, 4);
        assertThat(out.get(0, 0, 0)).isZero();
        assertThat(out.get(0, 1, 1)).isZero();
        assertThat(out.get(3, 2, 2)).isEqualTo(200);
    }

    @Test
    void resize_solidImage_staysSolid() {
        RgbImage out = Resizer.resize(solid(640, 480, 77), 64, 64);
        for (byte b : out.pixels()) {
            assertThat(b & 0xff).isEqualTo(77);
        }
    }

    @Test
    void resize_nonPositiveSize_throws() {
        assertThatThrownBy(() -> Resizer.resize(solid(4, 4, 1), 0, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toTensor_matchesTorchvisionGolden() {
        RgbImage crop = Resizer.resizedCrop(png("src_small.png"), 0, 0, 8, 12, 12, 8);
        float[] dst = new float[3 * 12 * 8 + 5];
        Resizer.toTensor(crop, Resizer.IMAGENET_MEAN, Resizer.IMAGENET_STD, dst, 5);
        ByteBuffer buf = ByteBuffer.wrap(bytes("tensor_small.bin")).order(ByteOrder.LITTLE_ENDIAN);
        float[] expected = new float[3 * 12 * 8];
        buf.asFloatBuffer().get(expected);
        assertThat(Arrays.copyOfRange(dst, 5, dst.length)).containsExactly(expected);
    }

    @Test
    void toTensor_solidImage_givesNormalisedConstants() {
        float[] dst = new float[3 * 6];
        Resizer.toTensor(solid(3, 2, 255), Resizer.IMAGENET_MEAN, Resizer.IMAGENET_STD, dst, 0);
        for (int c = 0; c < 3; c++) {
            float expected = (1f - Resizer.IMAGENET_MEAN[c]) / Resizer.IMAGENET_STD[c];
            for (int i = 0; i < 6; i++) {
                assertThat(dst[c * 6 + i]).isEqualTo(expected);
            }
        }
        assertThat(dst[0]).isCloseTo(2.2489083f, offset(1e-6f));
        assertThat(dst[12]).isCloseTo(2.64f, offset(1e-6f));
    }

    @Test
    void toTensor_tooSmallDestination_throws() {
        assertThatThrownBy(
                        () ->
                                Resizer.toTensor(
                                        solid(2, 2, 0),
                                        Resizer.IMAGENET_MEAN,
                                        Resizer.IMAGENET_STD,
                                        new float[12],
                                        1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static RgbImage solid(int w, int h, int value) {
        byte[] px = new byte[w * h * 3];
        Arrays.fill(px, (byte) value);
        return new RgbImage(w, h, px);
    }

    private static RgbImage png(String name) {
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
        try (InputStream in = ResizerTest.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + DIR + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
