package org.lightlyjava.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FloatRecordsTest {

    @TempDir Path dir;

    @Test
    void records_readBackInAnyOrder() throws IOException {
        int n = 20_000;
        int dim = 5;
        Path file = dir.resolve("rows.bin");
        try (FloatRecords.Writer out = FloatRecords.writer(file, dim)) {
            for (int i = 0; i < n; i++) {
                out.write(row(i, dim), -i);
            }
            assertThat(out.count()).isEqualTo(n);
        }
        assertThat(Files.size(file)).isEqualTo((long) n * (dim + 1) * 4);
        List<Integer> order = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            order.set(j, order.set(i, order.get(j)));
        }
        try (FloatRecords.Reader in = FloatRecords.reader(file, dim)) {
            for (int i = 0; i < n; i++) {
                assertThat(in.read(i)).containsExactly(row(i, dim));
                assertThat(in.label()).isEqualTo(-i);
            }
            for (int i : order) {
                assertThat(in.read(i)).containsExactly(row(i, dim));
                assertThat(in.label()).isEqualTo(-i);
            }
            int[] seen = {0};
            in.forEach(n, values -> assertThat(values).containsExactly(row(seen[0]++, dim)));
            assertThat(seen[0]).isEqualTo(n);
            assertThatThrownBy(() -> in.read(n)).isInstanceOf(IOException.class);
        }
    }

    private static float[] row(int i, int dim) {
        float[] row = new float[dim];
        for (int d = 0; d < dim; d++) {
            row[d] = i * 0.5f - d * 1e-3f;
        }
        return row;
    }
}
