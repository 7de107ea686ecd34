package org.lightlyjava.api.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class PythonFloatTest {

    @Test
    void repr_matchesNumpyFloat32Str() throws IOException {
        int checked = 0;
        try (BufferedReader in =
                new BufferedReader(
                        new InputStreamReader(
                                Objects.requireNonNull(
                                        getClass().getResourceAsStream("/python_float32_repr.tsv")),
                                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] parts = line.split("\t");
                float value = Float.intBitsToFloat(Integer.parseUnsignedInt(parts[0], 16));
                assertThat(PythonFloat.repr(value)).as("bits %s", parts[0]).isEqualTo(parts[1]);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(700);
    }

    @Test
    void repr_readsBackExactly() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            float value = Float.intBitsToFloat(random.nextInt());
            if (Float.isFinite(value)) {
                assertThat(Float.parseFloat(PythonFloat.repr(value))).isEqualTo(value);
            }
        }
    }

    /** The double-arithmetic path gives the BigDecimal path's digits, or gives up. */
    @Test
    void fastPath_equalsTheExactSearch_andServesAlmostEveryValue() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        int served = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            float value =
                    i % 2 == 0
                            ? Float.intBitsToFloat(random.nextInt())
                            : (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-5, 6)));
            if (!Float.isFinite(value) || value == 0f) {
                continue;
            }
            java.math.BigDecimal fast = PythonFloat.shortestFast(value);
            if (fast != null) {
                served++;
                assertThat(fast).as("%s", value).isEqualTo(PythonFloat.shortestExact(value));
            }
        }
        assertThat(served).isGreaterThan(n / 2 * 9 / 10);
    }
}
