package org.lightlyjava.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AugmentSettingsTest {

    @Test
    void lightlyDefaults_matchLightly() {
        AugmentSettings s = AugmentSettings.lightlyDefaults(64);
        assertThat(s)
                .isEqualTo(
                        new AugmentSettings(
                                64,
                                0.15,
                                0,
                                List.of(),
                                0.5,
                                0,
                                0.8,
                                0.7,
                                0.7,
                                0.7,
                                0.2,
                                0.2,
                                0.5,
                                List.of(0.2, 2.0)));
        assertThat(s.rotatesBy90()).isTrue();
    }

    @Test
    void constructor_nullDegrees_meansNinetyDegrees() {
        AugmentSettings s = withDegrees(null);
        assertThat(s.rrDegrees()).isEmpty();
        assertThat(s.rotatesBy90()).isTrue();
    }

    @Test
    void constructor_singleDegree_isSymmetricRange() {
        AugmentSettings s = withDegrees(List.of(15.0));
        assertThat(s.minDegrees()).isEqualTo(-15.0);
        assertThat(s.maxDegrees()).isEqualTo(15.0);
    }

    @Test
    void constructor_copiesLists() {
        List<Double> degrees = new ArrayList<>(List.of(-5.0, 5.0));
        AugmentSettings s = withDegrees(degrees);
        degrees.set(0, 100.0);
        assertThat(s.rrDegrees()).containsExactly(-5.0, 5.0);
    }

    @Test
    void constructor_hueAboveHalf_namesKey() {
        assertThatThrownBy(
                        () ->
                                new AugmentSettings(
                                        64,
                                        0.15,
                                        0,
                                        null,
                                        0.5,
                                        0,
                                        0.8,
                                        0.7,
                                        0.7,
                                        0.7,
                                        0.6,
                                        0.2,
                                        0.5,
                                        List.of(0.2, 2.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("collate.cj_hue must be in [0, 0.5]");
    }

    @Test
    void constructor_badValues_nameTheirKeys() {
        assertInvalid("collate.input_size", 0, 0.15, 0.5, 0.2, List.of(0.2, 2.0));
        assertInvalid("collate.min_scale", 64, 1.5, 0.5, 0.2, List.of(0.2, 2.0));
        assertInvalid("collate.hf_prob", 64, 0.15, -0.1, 0.2, List.of(0.2, 2.0));
        assertInvalid("collate.hf_prob", 64, 0.15, Double.NaN, 0.2, List.of(0.2, 2.0));
        assertInvalid("collate.random_gray_scale", 64, 0.15, 0.5, 1.2, List.of(0.2, 2.0));
        assertInvalid("collate.sigmas", 64, 0.15, 0.5, 0.2, List.of(0.2));
        assertInvalid("collate.sigmas", 64, 0.15, 0.5, 0.2, List.of(-1.0, 2.0));
        assertInvalid("collate.sigmas", 64, 0.15, 0.5, 0.2, Arrays.asList(0.2, null));
        assertInvalid("collate.sigmas", 64, 0.15, 0.5, 0.2, null);
    }

    @Test
    void constructor_badDegrees_namesKey() {
        for (List<Double> bad :
                List.of(
                        List.of(-1.0),
                        List.of(5.0, 1.0),
                        List.of(1.0, 2.0, 3.0),
                        List.of(Double.NaN))) {
            assertThatThrownBy(() -> withDegrees(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("collate.rr_degrees");
        }
    }

    @Test
    void constructor_negativeStrength_namesKey() {
        assertThatThrownBy(
                        () ->
                                new AugmentSettings(
                                        64,
                                        0.15,
                                        0,
                                        null,
                                        0.5,
                                        0,
                                        0.8,
                                        -0.1,
                                        0.7,
                                        0.7,
                                        0.2,
                                        0.2,
                                        0.5,
                                        List.of(0.2, 2.0)))
                .hasMessageStartingWith("collate.cj_bright must be a number >= 0");
    }

    private static AugmentSettings withDegrees(List<Double> degrees) {
        return new AugmentSettings(
                64,
                0.15,
                0.5,
                degrees,
                0.5,
                0,
                0.8,
                0.7,
                0.7,
                0.7,
                0.2,
                0.2,
                0.5,
                List.of(0.2, 2.0));
    }

    private static void assertInvalid(
            String key, int size, double minScale, double hf, double gray, List<Double> sigmas) {
        assertThatThrownBy(
                        () ->
                                new AugmentSettings(
                                        size, minScale, 0, null, hf, 0, 0.8, 0.7, 0.7, 0.7, 0.2,
                                        gray, 0.5, sigmas))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(key + " must");
    }
}
