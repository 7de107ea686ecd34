package org.lightlyjava.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.lightlyjava.augment.TestImages.noise;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lightlyjava.image.RgbImage;

/** Identities and invariants of the single operations (PIL equivalence is in PilGoldenTest). */
class OperationsTest {

    @Test
    void blur_radiusZero_leavesImageUnchanged() {
        byte[] px = noise(9, 7, 1).pixels();
        byte[] before = px.clone();
        GaussianBlur.blur(px, 9, 7, 0.0);
        assertThat(px).isEqualTo(before);
    }

    @Test
    void blur_solidImage_staysSolid() {
        byte[] px = new byte[20 * 3 * 3];
        Arrays.fill(px, (byte) 201);
        GaussianBlur.blur(px, 20, 3, 7.5);
        for (byte b : px) {
            assertThat(b & 0xff).isEqualTo(201);
        }
    }

    @Test
    void boxRadius_matchesPilFormula() {
        // sigma 1 over 3 passes: sigma2 = 1/3, L = sqrt(5), l = 0, a = (0 - 1) / (6 * (1/3 - 1))
        assertThat(GaussianBlur.boxRadius(1f)).isCloseTo(0.25f, offset(1e-6f));
    }

    @Test
    void enhance_factorOne_isIdentity() {
        byte[] px = noise(8, 8, 2).pixels();
        byte[] before = px.clone();
        ColorOps.brightness(px, 1.0);
        ColorOps.contrast(px, 1.0);
        ColorOps.saturation(px, 1.0);
        assertThat(px).isEqualTo(before);
    }

    @Test
    void blend_extrapolation_clipsAndTruncates() {
        assertThat(ColorOps.blend(0, 200, 1.3f)).isEqualTo(255);
        assertThat(ColorOps.blend(0, 100, 1.3f)).isEqualTo(130);
        assertThat(ColorOps.blend(0, 99, 0.5f)).isEqualTo(49);
        assertThat(ColorOps.blend(200, 10, 1.5f)).isZero();
    }

    @Test
    void hue_greyPixels_unchanged() {
        byte[] px = {0, 0, 0, 77, 77, 77, (byte) 255, (byte) 255, (byte) 255};
        byte[] before = px.clone();
        Hue.shift(px, 0.3);
        assertThat(px).isEqualTo(before);
    }

    @Test
    void rotate_fullTurn_isCopy() {
        RgbImage img = noise(6, 4, 3);
        assertThat(Rotation.rotate(img, 360.0).pixels()).isEqualTo(img.pixels());
        assertThat(Rotation.rotate(img, -720.0).pixels()).isEqualTo(img.pixels());
    }

    @Test
    void rotate90_fourTimes_isIdentity() {
        RgbImage img = noise(5, 3, 4);
        RgbImage r = img;
        for (int i = 0; i < 4; i++) {
            r = Rotation.rotate90(r);
        }
        assertThat(r.pixels()).isEqualTo(img.pixels());
        assertThat(Rotation.rotate90(img).width()).isEqualTo(3);
    }

    @Test
    void flip_twice_isIdentity() {
        byte[] px = noise(5, 4, 5).pixels();
        byte[] before = px.clone();
        Flip.horizontal(px, 5, 4);
        assertThat(px).isNotEqualTo(before);
        Flip.horizontal(px, 5, 4);
        Flip.vertical(px, 5, 4);
        Flip.vertical(px, 5, 4);
        assertThat(px).isEqualTo(before);
    }

    @Test
    void jitterSample_zeroStrengths_turnOpsOff() {
        AugmentSettings s =
                new AugmentSettings(
                        8, 0.15, 0, null, 0, 0, 1, 0, 0.5, 0, 0, 0, 0, List.of(0.2, 2.0));
        ColorJitter j = ColorJitter.sample(s, new SplittableRandom(1));
        assertThat(j.brightness()).isNaN();
        assertThat(j.saturation()).isNaN();
        assertThat(j.hue()).isNaN();
        assertThat(j.contrast()).isBetween(0.5, 1.5);
        assertThat(j.order()).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void viewParams_drawCount_independentOfProbabilities() {
        AugmentSettings off = TestImages.allOff(16);
        AugmentSettings on = AugmentSettings.lightlyDefaults(16);
        SplittableRandom a = new SplittableRandom(99);
        SplittableRandom b = new SplittableRandom(99);
        ViewParams.sample(off, 50, 40, a);
        ViewParams.sample(on, 50, 40, b);
        assertThat(a.nextLong()).isEqualTo(b.nextLong());
    }
}
