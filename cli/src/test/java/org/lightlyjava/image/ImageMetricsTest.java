package org.lightlyjava.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.lightlyjava.image.Fixtures.grey;
import static org.lightlyjava.image.Fixtures.rgb;

import java.util.Arrays;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Metrics of tiny images, the expected values worked out by hand in the comments. */
class ImageMetricsTest {

    private static final Offset<Double> EXACT = within(1e-12);

    //   (0,0,0)     (255,255,255)
    //   (255,0,0)   (0,0,255)
    private static final RgbImage TWO_BY_TWO =
            rgb(2, 2, 0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 0, 255);

    @Test
    void compute_twoByTwo_channelStatistics() {
        SampleMetrics metrics = ImageMetrics.compute(TWO_BY_TWO);

        // Scaled to 0-1: red 0 1 1 0, green 0 1 0 0, blue 0 1 0 1.
        // mean: 2/4, 1/4, 2/4. Population std: red and blue sqrt(0.5 * 0.5) = 0.5; green
        // sqrt(0.25 * 0.75) = sqrt(0.1875). Sums of values and of squares: 2, 1, 2 (all 0 or 1).
        assertThat(metrics.mean()).containsExactly(new double[] {0.5, 0.25, 0.5}, EXACT);
        assertThat(metrics.std())
                .containsExactly(new double[] {0.5, Math.sqrt(0.1875), 0.5}, EXACT);
        assertThat(metrics.sumOfValues()).containsExactly(new double[] {2, 1, 2}, EXACT);
        assertThat(metrics.sumOfSquares()).containsExactly(new double[] {2, 1, 2}, EXACT);
        assertThat(metrics.width()).isEqualTo(2);
        assertThat(metrics.height()).isEqualTo(2);
    }

    @Test
    void compute_twoByTwo_snrOverAllRawValues() {
        // 12 raw values, 5 of them 255 and 7 of them 0: p = 5/12.
        // mean = 255 p, std = 255 sqrt(p (1 - p)), snr = p / sqrt(p (1 - p)) = 5 / sqrt(35).
        assertThat(ImageMetrics.compute(TWO_BY_TWO).snr()).isCloseTo(5 / Math.sqrt(35), EXACT);
    }

    @Test
    void compute_smallerThanKernel_sharpnessIsStdOfUnfilteredGrey() {
        // Pillow does not filter images under 3x3. Grey = (r*19595 + g*38470 + b*7471 + 32768)
        // >> 16: black 0, white 255, red 5029493 >> 16 = 76, blue 1937873 >> 16 = 29.
        // mean 360 / 4 = 90; deviations -90, 165, -14, -61; squares sum 39242; var 9810.5.
        assertThat(ImageMetrics.compute(TWO_BY_TWO).sharpness())
                .isCloseTo(Math.sqrt(9810.5), EXACT);
    }

    @Test
    void compute_uniformImage_snrIsZero() {
        SampleMetrics metrics = ImageMetrics.compute(grey(2, 2, 77, 77, 77, 77));

        assertThat(metrics.snr()).isZero();
        assertThat(metrics.std()).containsExactly(0, 0, 0);
        assertThat(metrics.sharpness()).isZero();
    }

    @Test
    void sharpness_interiorPixel_isNineTimesCentreMinusBlock() {
        //  10 20 30     Laplacian at the centre: 8 * 60 - (10+20+30+40+50+70+80+90) = 90.
        //  40 60 50     Filtered: 10 20 30 40 90 50 70 80 90 (border as is).
        //  70 80 90     mean 480/9; E[x^2] = 33000/9; var = (297000 - 230400) / 81 = 66600/81.
        RgbImage image = grey(3, 3, 10, 20, 30, 40, 60, 50, 70, 80, 90);

        assertThat(ImageMetrics.compute(image).sharpness()).isCloseTo(Math.sqrt(66600) / 9, EXACT);
    }

    @Test
    void sharpness_largeLaplacian_isClippedTo255() {
        // Centre 100 among 10s: 800 - 80 = 720 -> 255. Filtered: eight 10s and 255.
        // mean 335/9; E[x^2] = (800 + 65025)/9; var = (592425 - 112225)/81 = 480200/81.
        RgbImage image = grey(3, 3, 10, 10, 10, 10, 100, 10, 10, 10, 10);

        assertThat(ImageMetrics.compute(image).sharpness()).isCloseTo(Math.sqrt(480200) / 9, EXACT);
    }

    @Test
    void sharpness_negativeLaplacian_isClippedToZero() {
        // Centre 0 among 50s: 0 - 400 -> 0. Filtered: eight 50s and 0.
        // mean 400/9; E[x^2] = 20000/9; var = (180000 - 160000)/81 = 20000/81.
        RgbImage image = grey(3, 3, 50, 50, 50, 50, 0, 50, 50, 50, 50);

        assertThat(ImageMetrics.compute(image).sharpness()).isCloseTo(Math.sqrt(20000) / 9, EXACT);
    }

    @Test
    void sharpness_borderPixels_areCopiedNotFiltered() {
        //  0   0 0   0      (1,1): 800 - 0 = 800 -> 255.
        //  0 100 0 200      (2,1): 0 - (100 + 200) = -300 -> 0.
        //  0   0 0   0      (3,1) is border: stays 200. Filtered: ten 0s, 255, 200.
        // mean 455/12; E[x^2] = 105025/12; var = (1260300 - 207025)/144 = 1053275/144.
        RgbImage image = grey(4, 3, 0, 0, 0, 0, 0, 100, 0, 200, 0, 0, 0, 0);

        assertThat(ImageMetrics.compute(image).sharpness())
                .isCloseTo(Math.sqrt(1053275) / 12, EXACT);
    }

    @Test
    void sharpness_usesPillowGreyWeights() {
        // Pure green 3x3 with a black centre. Grey of green: (255*38470 + 32768) >> 16 = 150.
        // Centre: 0 - 8*150 -> 0. Filtered: eight 150s and a 0: std = 150 * sqrt(8/81).
        int[] values = new int[27];
        for (int i = 0; i < 9; i++) {
            values[3 * i + 1] = i == 4 ? 0 : 255;
        }

        assertThat(ImageMetrics.compute(rgb(3, 3, values)).sharpness())
                .isCloseTo(150 * Math.sqrt(8.0 / 81), EXACT);
    }

    @Test
    void compute_twelveMegapixelWhite_sumsDoNotOverflow() {
        byte[] white = new byte[4000 * 3000 * 3];
        Arrays.fill(white, (byte) 255);

        SampleMetrics metrics = ImageMetrics.compute(new RgbImage(4000, 3000, white));

        assertThat(metrics.sumOfValues()).containsExactly(12e6, 12e6, 12e6);
        assertThat(metrics.sumOfSquares()).containsExactly(12e6, 12e6, 12e6);
        assertThat(metrics.mean()).containsExactly(1, 1, 1);
        assertThat(metrics.snr()).isZero();
        // Interior Laplacian 0, border 255: 2*4000 + 2*2998 = 13996 of 12e6 pixels are 255.
        double p = 13996 / 12e6;
        assertThat(metrics.sharpness()).isCloseTo(255 * Math.sqrt(p * (1 - p)), within(1e-9));
    }
}
