package org.lightlyjava.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightlyjava.image.RgbImage;

/**
 * Every operation against PIL 9.4 / torchvision 0.14 output for fixed parameters (see {@code
 * resources/augment/generate.py}); all comparisons are byte for byte.
 */
class PilGoldenTest {

    static Stream<String> cases() {
        return Golden.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void operation_matchesPilGolden(String line) {
        String[] f = line.split(" ");
        RgbImage src = Golden.png("src_" + f[1] + ".png");
        RgbImage expected = Golden.png("out_" + f[0] + ".png");
        RgbImage actual = apply(f[2], src, new Args(f, 3));
        assertThat(actual.width()).isEqualTo(expected.width());
        assertThat(actual.height()).isEqualTo(expected.height());
        assertThat(actual.pixels()).isEqualTo(expected.pixels());
    }

    private static RgbImage apply(String op, RgbImage src, Args a) {
        byte[] px = src.pixels().clone();
        RgbImage copy = new RgbImage(src.width(), src.height(), px);
        switch (op) {
            case "brightness" -> ColorOps.brightness(px, a.num());
            case "contrast" -> ColorOps.contrast(px, a.num());
            case "saturation" -> ColorOps.saturation(px, a.num());
            case "hue" -> Hue.shift(px, a.num());
            case "gray" -> ColorOps.grayscale(px);
            case "blur" -> GaussianBlur.blur(px, src.width(), src.height(), a.num());
            case "rotate" -> {
                return Rotation.rotate(src, a.num());
            }
            case "view" -> {
                return view(src, a);
            }
            default -> throw new IllegalArgumentException(op);
        }
        return copy;
    }

    private static RgbImage view(RgbImage src, Args a) {
        CropBox crop = new CropBox(a.integer(), a.integer(), a.integer(), a.integer());
        int size = a.integer();
        double angle = a.num();
        boolean hflip = a.integer() == 1;
        boolean vflip = a.integer() == 1;
        List<Integer> order = new ArrayList<>();
        for (int i = a.integer(); i > 0; i--) {
            order.add(a.integer());
        }
        ColorJitter jitter = new ColorJitter(order, a.num(), a.num(), a.num(), a.num());
        boolean gray = a.integer() == 1;
        double sigma = a.num();
        ViewParams p =
                new ViewParams(
                        crop, angle, hflip, vflip, order.isEmpty() ? null : jitter, gray, sigma);
        AugmentSettings s =
                new AugmentSettings(
                        size, 0.15, 0, List.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(0.2, 2.0));
        return new SimClrAugment(s).render(src, p);
    }

    /** Reads the space-separated case arguments in order; "None" reads as NaN (op off). */
    private static final class Args {
        private final String[] fields;
        private int next;

        Args(String[] fields, int first) {
            this.fields = fields;
            this.next = first;
        }

        double num() {
            String s = fields[next++];
            return s.equals("None") ? Double.NaN : Double.parseDouble(s);
        }

        int integer() {
            return Integer.parseInt(fields[next++]);
        }
    }
}
