package org.lightlyjava.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleMetricsTest {

    private final SampleMetrics metrics =
            new SampleMetrics(
                    new double[] {0.1, 0.2, 0.3},
                    new double[] {0.01, 0.02, 0.03},
                    4.5,
                    12.5,
                    640,
                    480,
                    new double[] {1, 2, 3},
                    new double[] {4, 5, 6});

    @Test
    void toMetaData_hasLightlysKeysInOrder() {
        Map<String, Object> meta = metrics.toMetaData(12345);

        assertThat(meta)
                .containsExactly(
                        Map.entry("sharpness", 12.5),
                        Map.entry("sizeInBytes", 12345L),
                        Map.entry("snr", 4.5),
                        Map.entry("mean", List.of(0.1, 0.2, 0.3)),
                        Map.entry("shape", List.of(480, 640, 3)),
                        Map.entry("std", List.of(0.01, 0.02, 0.03)),
                        Map.entry("sumOfSquares", List.of(4.0, 5.0, 6.0)),
                        Map.entry("sumOfValues", List.of(1.0, 2.0, 3.0)),
                        Map.entry("is_corrupted", false),
                        Map.entry("corruption", ""));
    }

    @Test
    void corrupted_hasOnlyTheFlagAndReason() {
        assertThat(SampleMetrics.corrupted("image file is truncated"))
                .containsExactly(
                        Map.entry("is_corrupted", true),
                        Map.entry("corruption", "image file is truncated"));
    }
}
