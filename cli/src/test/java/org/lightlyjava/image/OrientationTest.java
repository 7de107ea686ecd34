package org.lightlyjava.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lightlyjava.image.Fixtures.assertQuadrants;
import static org.lightlyjava.image.Fixtures.bytes;
import static org.lightlyjava.image.Fixtures.grey;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrientationTest {

    // Stored 3 x 2:  a b c  =  10 20 30
    //                d e f     40 50 60
    private static final RgbImage STORED = grey(3, 2, 10, 20, 30, 40, 50, 60);

    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({
        "1, 3, 2, 10 20 30 40 50 60", // as stored
        "2, 3, 2, 30 20 10 60 50 40", // mirrored left-right: c b a / f e d
        "3, 3, 2, 60 50 40 30 20 10", // turned 180: f e d / c b a
        "4, 3, 2, 40 50 60 10 20 30", // mirrored top-bottom: d e f / a b c
        "5, 2, 3, 10 40 20 50 30 60", // transposed: a d / b e / c f
        "6, 2, 3, 40 10 50 20 60 30", // turned 90 clockwise: d a / e b / f c
        "7, 2, 3, 60 30 50 20 40 10", // transversed: f c / e b / d a
        "8, 2, 3, 30 60 20 50 10 40", // turned 90 counter-clockwise: c f / b e / a d
    })
    void apply_orientation_givesUprightPixels(int orientation, int w, int h, String values) {
        int[] expected = Arrays.stream(values.split(" ")).mapToInt(Integer::parseInt).toArray();

        RgbImage upright = Orientation.apply(STORED, orientation);

        assertThat(upright.width()).isEqualTo(w);
        assertThat(upright.height()).isEqualTo(h);
        assertThat(upright.pixels()).isEqualTo(grey(w, h, expected).pixels());
    }

    @ParameterizedTest(name = "orientation-{0}.jpg")
    @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8})
    void decode_exifOrientation_givesUprightPicture(int orientation) throws DecodeException {
        DecodedImage decoded =
                new ImageDecoder().decode(bytes("orientation-" + orientation + ".jpg"));

        assertThat(decoded.exif()).containsEntry("Orientation", orientation);
        assertQuadrants(decoded.image(), 4);
    }

    @Test
    void of_missingOrInvalidOrientation_isOne() {
        assertThat(Orientation.of(Map.of())).isEqualTo(1);
        assertThat(Orientation.of(Map.of("Orientation", 9))).isEqualTo(1);
        assertThat(Orientation.of(Map.of("Orientation", 0))).isEqualTo(1);
        assertThat(Orientation.of(Map.of("Orientation", "6"))).isEqualTo(1);
        assertThat(Orientation.of(Map.of("Orientation", 6))).isEqualTo(6);
    }

    @Test
    void apply_invalidOrientation_returnsTheStoredImage() {
        assertThat(Orientation.apply(STORED, 0)).isSameAs(STORED);
        assertThat(Orientation.apply(STORED, 1)).isSameAs(STORED);
        assertThat(Orientation.apply(STORED, 9)).isSameAs(STORED);
    }
}
