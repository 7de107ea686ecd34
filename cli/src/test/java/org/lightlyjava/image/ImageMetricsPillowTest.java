package org.lightlyjava.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.lightlyjava.image.Fixtures.bytes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks against Lightly's own code: {@code plasma.metrics.json} holds what Pillow and numpy
 * compute for the noise fixtures (craft.py, {@code lightly_metrics}).
 */
class ImageMetricsPillowTest {

    @Test
    void compute_plasmaFixtures_matchesPillowAndNumpy() throws IOException, DecodeException {
        JsonNode expectations = new ObjectMapper().readTree(bytes("plasma.metrics.json"));
        assertThat(expectations).hasSize(4);

        for (JsonNode expected : expectations) {
            String file = expected.get("file").asText();
            RgbImage image = new ImageDecoder().decode(bytes(file)).image();
            SampleMetrics actual = ImageMetrics.compute(image);

            assertThat(List.of(actual.height(), actual.width(), 3))
                    .as(file)
                    .isEqualTo(ints(expected.get("shape")));
            assertClose(file + " mean", actual.mean(), expected.get("mean"));
            assertClose(file + " std", actual.std(), expected.get("std"));
            assertClose(file + " sumOfValues", actual.sumOfValues(), expected.get("sumOfValues"));
            assertClose(
                    file + " sumOfSquares", actual.sumOfSquares(), expected.get("sumOfSquares"));
            assertClose(file + " snr", new double[] {actual.snr()}, expected.get("snr"));
            assertClose(
                    file + " sharpness",
                    new double[] {actual.sharpness()},
                    expected.get("sharpness"));
        }
    }

    // numpy sums pairwise in floating point, we sum exactly: they agree to ~1e-12 relative.
    private static void assertClose(String what, double[] actual, JsonNode expected) {
        List<Double> values = new ArrayList<>();
        expected.forEach(v -> values.add(v.asDouble()));
        if (expected.isNumber()) {
            values.add(expected.asDouble());
        }
        assertThat(actual).as(what).hasSize(values.size());
        for (int i = 0; i < actual.length; i++) {
            double tolerance = 1e-10 * Math.max(1, Math.abs(values.get(i)));
            assertThat(actual[i])
                    .as(what + "[" + i + "]")
                    .isCloseTo(values.get(i), within(tolerance));
        }
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asInt()));
        return values;
    }
}
