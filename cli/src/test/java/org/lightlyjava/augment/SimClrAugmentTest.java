package org.lightlyjava.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lightlyjava.augment.TestImages.allOff;
import static org.lightlyjava.augment.TestImages.noise;
import static org.lightlyjava.augment.TestImages.withProbs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lightlyjava.image.Resizer;
import org.lightlyjava.image.RgbImage;

class SimClrAugmentTest {

    private static final RgbImage SRC = noise(80, 60, 7);

    @ParameterizedTest
    @CsvSource({
        "3,5,64",
        "5,3,64",
        "1000,10,64",
        "10,1000,32",
        "1,1,8",
        "640,480,1",
        "640,480,224",
        "37,23,7"
    })
    void view_anySource_isInputSizeSquare(int w, int h, int size) {
        SimClrAugment aug = new SimClrAugment(AugmentSettings.lightlyDefaults(size));
        for (long seed = 0; seed < 20; seed++) {
            RgbImage v = aug.view(noise(w, h, seed), new SplittableRandom(seed));
            assertThat(v.width()).isEqualTo(size);
            assertThat(v.height()).isEqualTo(size);
        }
    }

    @Test
    void view_sameSeed_sameBytes() {
        SimClrAugment aug = new SimClrAugment(AugmentSettings.lightlyDefaults(64));
        for (long seed = 0; seed < 20; seed++) {
            byte[] a = aug.view(SRC, new SplittableRandom(seed)).pixels();
            byte[] b = aug.view(SRC, new SplittableRandom(seed)).pixels();
            assertThat(a).isEqualTo(b);
        }
    }

    @Test
    void view_differentSeeds_differentBytes() {
        SimClrAugment aug = new SimClrAugment(AugmentSettings.lightlyDefaults(32));
        byte[] a = aug.view(SRC, new SplittableRandom(1)).pixels();
        byte[] b = aug.view(SRC, new SplittableRandom(2)).pixels();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void view_doesNotModifySource() {
        byte[] before = SRC.pixels().clone();
        new SimClrAugment(AugmentSettings.lightlyDefaults(16)).view(SRC, new SplittableRandom(3));
        assertThat(SRC.pixels()).isEqualTo(before);
    }

    @Test
    void view_allProbabilitiesZero_isPlainResizedCrop() {
        for (long seed = 0; seed < 10; seed++) {
            RgbImage v = new SimClrAugment(allOff(24)).view(SRC, new SplittableRandom(seed));
            CropBox c = RandomResizedCrop.sample(80, 60, 0.15, new SplittableRandom(seed));
            RgbImage expected =
                    Resizer.resizedCrop(SRC, c.top(), c.left(), c.height(), c.width(), 24, 24);
            assertThat(v.pixels()).isEqualTo(expected.pixels());
        }
    }

    @Test
    void view_hfProbOne_mirrorsHfProbZero() {
        AugmentSettings on = withProbs(AugmentSettings.lightlyDefaults(32), 0, 1, 0, 0.8, 0.2, 0.5);
        AugmentSettings off = withProbs(on, 0, 0, 0, 0.8, 0.2, 0.5);
        for (long seed = 0; seed < 10; seed++) {
            byte[] mirrored = view(off, seed).pixels();
            Flip.horizontal(mirrored, 32, 32);
            assertThat(view(on, seed).pixels()).isEqualTo(mirrored);
        }
    }

    @Test
    void view_vfProbOne_flipsVfProbZero() {
        AugmentSettings on = withProbs(allOff(16), 0, 0, 1, 0, 0, 0);
        for (long seed = 0; seed < 5; seed++) {
            byte[] flipped = view(allOff(16), seed).pixels();
            Flip.vertical(flipped, 16, 16);
            assertThat(view(on, seed).pixels()).isEqualTo(flipped);
        }
    }

    @Test
    void view_rrProbOne_rotates90CounterClockwise() {
        AugmentSettings on = withProbs(allOff(16), 1, 0, 0, 0, 0, 0);
        RgbImage off = view(allOff(16), 4);
        RgbImage rotated = view(on, 4);
        assertThat(rotated.pixels()).isEqualTo(Rotation.rotate90(off).pixels());
        // counter-clockwise: the top-right source pixel ends up top-left
        assertThat(rotated.get(0, 0, 0)).isEqualTo(off.get(15, 0, 0));
    }

    @Test
    void view_rrDegreesRange_rotatesByDrawnAngle() {
        AugmentSettings s =
                new AugmentSettings(
                        16,
                        0.15,
                        1,
                        List.of(10.0, 30.0),
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        List.of(0.2, 2.0));
        for (long seed = 0; seed < 5; seed++) {
            ViewParams p = ViewParams.sample(s, 80, 60, new SplittableRandom(seed));
            assertThat(p.angle()).isBetween(10.0, 30.0);
            RgbImage expected = Rotation.rotate(view(allOff(16), seed), p.angle());
            assertThat(view(s, seed).pixels()).isEqualTo(expected.pixels());
        }
    }

    @Test
    void view_grayProbOne_givesGreyPixels() {
        RgbImage v =
                view(withProbs(AugmentSettings.lightlyDefaults(16), 0, 0.5, 0, 0.8, 1, 0.5), 9);
        for (int i = 0; i < v.pixels().length; i += 3) {
            assertThat(v.pixels()[i]).isEqualTo(v.pixels()[i + 1]).isEqualTo(v.pixels()[i + 2]);
        }
    }

    @Test
    void view_blurProbOne_blursWithDrawnRadius() {
        AugmentSettings on = withProbs(allOff(24), 0, 0, 0, 0, 0, 1);
        for (long seed = 0; seed < 5; seed++) {
            ViewParams p = ViewParams.sample(on, 80, 60, new SplittableRandom(seed));
            assertThat(p.blurRadius()).isBetween(0.2, 2.0);
            byte[] expected = view(allOff(24), seed).pixels();
            GaussianBlur.blur(expected, 24, 24, p.blurRadius());
            assertThat(view(on, seed).pixels()).isEqualTo(expected);
        }
    }

    @Test
    void view_cjProbOne_appliesDrawnJitter() {
        AugmentSettings on = withProbs(allOff(24), 0, 0, 0, 1, 0, 0);
        for (long seed = 0; seed < 5; seed++) {
            ViewParams p = ViewParams.sample(on, 80, 60, new SplittableRandom(seed));
            byte[] expected = view(allOff(24), seed).pixels();
            p.jitter().apply(expected);
            assertThat(view(on, seed).pixels()).isEqualTo(expected);
        }
    }

    @Test
    void viewTensor_writesNormalisedViewAtOffset() {
        SimClrAugment aug = new SimClrAugment(AugmentSettings.lightlyDefaults(8));
        float[] dst = new float[3 + 3 * 8 * 8 + 2];
        aug.viewTensor(SRC, new SplittableRandom(11), dst, 3);
        float[] expected = new float[3 * 8 * 8];
        Resizer.toTensor(
                aug.view(SRC, new SplittableRandom(11)),
                Resizer.IMAGENET_MEAN,
                Resizer.IMAGENET_STD,
                expected,
                0);
        assertThat(Arrays.copyOfRange(dst, 3, 3 + expected.length)).containsExactly(expected);
        assertThat(dst[0]).isZero();
        assertThat(dst[dst.length - 1]).isZero();
    }

    @Test
    void view_concurrentCalls_matchSequential() throws Exception {
        SimClrAugment aug = new SimClrAugment(AugmentSettings.lightlyDefaults(32));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> futures = new ArrayList<>();
            for (long seed = 0; seed < 32; seed++) {
                long s = seed;
                futures.add(pool.submit(() -> aug.view(SRC, new SplittableRandom(s)).pixels()));
            }
            for (int seed = 0; seed < 32; seed++) {
                byte[] sequential = aug.view(SRC, new SplittableRandom(seed)).pixels();
                assertThat(futures.get(seed).get()).isEqualTo(sequential);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static RgbImage view(AugmentSettings s, long seed) {
        return new SimClrAugment(s).view(SRC, new SplittableRandom(seed));
    }
}
