package org.lightlyjava.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomResizedCropTest {

    @Test
    void sample_manyDraws_staysWithinScaleRatioAndImage() {
        SplittableRandom rng = new SplittableRandom(42);
        double minArea = Double.MAX_VALUE;
        for (int i = 0; i < 20_000; i++) {
            CropBox c = RandomResizedCrop.sample(640, 480, 0.15, rng);
            assertThat(c.top()).isBetween(0, 480 - c.height());
            assertThat(c.left()).isBetween(0, 640 - c.width());
            // w and h are rounded to whole pixels: allow half a pixel each way
            double ratio = (double) c.width() / c.height();
            assertThat(ratio)
                    .isBetween(
                            0.75 * (c.width() - 0.5) / (c.width() + 0.5),
                            4.0 / 3.0 * (c.width() + 0.5) / (c.width() - 0.5));
            double area = (double) c.width() * c.height() / (640 * 480);
            assertThat(area).isLessThanOrEqualTo(1.0);
            minArea = Math.min(minArea, area);
        }
        assertThat(minArea).isBetween(0.145, 0.16);
    }

    @Test
    void sample_hugeAspect_fallsBackToCentralCrop() {
        CropBox c = RandomResizedCrop.sample(1000, 10, 0.15, new SplittableRandom(1));
        assertThat(c).isEqualTo(new CropBox(0, 493, 10, 13));
        CropBox tall = RandomResizedCrop.sample(10, 1000, 0.15, new SplittableRandom(1));
        assertThat(tall).isEqualTo(new CropBox(493, 0, 13, 10));
    }

    @Test
    void central_withinRatio_isWholeImage() {
        assertThat(RandomResizedCrop.central(64, 60)).isEqualTo(new CropBox(0, 0, 60, 64));
        assertThat(RandomResizedCrop.central(3, 5)).isEqualTo(new CropBox(0, 0, 4, 3));
    }

    @Test
    void sample_tinySource_givesValidCrop() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 1000; i++) {
            CropBox c = RandomResizedCrop.sample(3, 5, 0.15, rng);
            assertThat(c.width()).isBetween(1, 3);
            assertThat(c.height()).isBetween(1, 5);
            assertThat(c.left() + c.width()).isLessThanOrEqualTo(3);
            assertThat(c.top() + c.height()).isLessThanOrEqualTo(5);
        }
    }

    @Test
    void sample_minScaleOne_takesWholeAreaAtRatioOne() {
        CropBox c = RandomResizedCrop.sample(100, 100, 1.0, new SplittableRandom(8));
        assertThat(c.width() * c.height()).isBetween(9_000, 10_000);
    }
}
