package org.lightlyjava.server.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.lightlyjava.server.selection.Vectors;

/**
 * Reads rows of a stored embeddings CSV into flat arrays. The server stores the CSV in creation
 * order ({@link EmbeddingIngest}), so line {@code i} after the header is the sample with index
 * {@code i}, bit {@code i} of a tag's bitmask. Values are parsed from the end of each line (the
 * file name, first, may hold commas); only wanted rows are parsed.
 */
final class EmbeddingRows {

    private EmbeddingRows() {}

    /**
     * @param wanted sets of sample indices below {@code rowCount}
     * @return per set, its rows in ascending index order
     * @throws IOException when the file cannot be read or is not {@code rowCount} rows of {@code
     *     dim} finite values
     */
    static List<Vectors> read(Path csv, long rowCount, int dim, List<BitSet> wanted)
            throws IOException {
        List<float[]> values = new ArrayList<>();
        for (BitSet rows : wanted) {
            values.add(new float[Math.multiplyExact(rows.cardinality(), dim)]);
        }
        int[] filled = new int[wanted.size()];
        int row = 0;
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            if (in.readLine() == null) {
                throw new IOException(csv + " is empty");
            }
            for (String line = in.readLine(); line != null; line = in.readLine(), row++) {
                for (int w = 0; w < wanted.size(); w++) {
                    if (wanted.get(w).get(row)) {
                        parse(line, dim, values.get(w), filled[w]++ * dim, row);
                    }
                }
            }
        }
        if (row != rowCount) {
            throw new IOException(csv + " has " + row + " rows, expected " + rowCount);
        }
        List<Vectors> out = new ArrayList<>();
        for (int w = 0; w < wanted.size(); w++) {
            out.add(new Vectors(filled[w], dim, values.get(w)));
        }
        return out;
    }

    /** The {@code dim} numbers before the last column (the label) into {@code out[offset..]}. */
    private static void parse(String line, int dim, float[] out, int offset, int row)
            throws IOException {
        int end = line.lastIndexOf(',');
        for (int d = dim - 1; d >= 0; d--) {
            int start = end < 0 ? -1 : line.lastIndexOf(',', end - 1);
            if (start < 0) {
                throw new IOException("row " + row + " of the stored embeddings is cut short");
            }
            float value;
            try {
                value = Float.parseFloat(line.substring(start + 1, end));
            } catch (NumberFormatException e) {
                throw new IOException(
                        "row " + row + " of the stored embeddings: " + e.getMessage());
            }
            if (!Float.isFinite(value)) {
                throw new IOException("row " + row + " of the embeddings holds " + value);
            }
            out[offset + d] = value;
            end = start;
        }
    }
}
