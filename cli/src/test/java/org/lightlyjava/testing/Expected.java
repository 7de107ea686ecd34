package org.lightlyjava.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lightlyjava.api.embeddings.EmbeddingsCsv;

/** Embeddings PyTorch computed (resources/parity/expected_*.csv), compared with ours. */
public final class Expected {

    private Expected() {}

    /** Reads {@code file,v0,v1,...} rows. */
    public static Map<String, float[]> read(String name) throws IOException {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Parity.file(name))) {
            String[] cells = line.split(",");
            float[] values = new float[cells.length - 1];
            for (int i = 1; i < cells.length; i++) {
                values[i - 1] = Float.parseFloat(cells[i]);
            }
            out.put(cells[0], values);
        }
        return out;
    }

    /**
     * Asserts that {@code embeddings} has the expected rows, in order, each value within {@code
     * tolerance}; returns the largest difference seen.
     */
    public static double assertMatches(Path embeddings, String expectedName, double tolerance)
            throws IOException {
        Map<String, float[]> expected = read(expectedName);
        EmbeddingsCsv.Table table = EmbeddingsCsv.read(embeddings);
        assertThat(table.fileNames()).containsExactlyElementsOf(List.copyOf(expected.keySet()));
        double worst = 0;
        StringBuilder report = new StringBuilder();
        for (int r = 0; r < table.size(); r++) {
            String name = table.fileNames().get(r);
            float[] want = expected.get(name);
            float[] got = table.embeddings().get(r);
            assertThat(got).as(name).hasSameSizeAs(want);
            double row = 0;
            for (int c = 0; c < want.length; c++) {
                row = Math.max(row, Math.abs(got[c] - want[c]));
            }
            if (row > tolerance) {
                report.append(String.format(" %s differs by %.2g;", name, row));
            }
            worst = Math.max(worst, row);
        }
        assertThat(worst)
                .as("largest difference to PyTorch in " + expectedName + ":" + report)
                .isLessThanOrEqualTo(tolerance);
        return worst;
    }
}
