package org.lightlyjava.server.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.lightlyjava.api.embeddings.EmbeddingsCsv;
import org.lightlyjava.api.embeddings.InvalidEmbeddingsException;
import org.lightlyjava.server.selection.Vectors;

/**
 * Reads rows of a stored embeddings CSV into flat arrays. The server stores the CSV in creation
 * order ({@link EmbeddingIngest}), so line {@code i} after the header is the sample with index
 * {@code i}, bit {@code i} of a tag's bitmask. The file is the one uploaded (its columns as the
 * user wrote them), read by the header's {@code embedding_N} columns; only wanted rows are parsed.
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
        try (EmbeddingsCsv.RowReader in =
                EmbeddingsCsv.RowReader.open(
                        Files.newBufferedReader(csv, StandardCharsets.UTF_8), csv.toString())) {
            if (in.dimension() != dim) {
                throw new IOException(
                        csv + " has " + in.dimension() + " embedding columns, expected " + dim);
            }
            for (; row < rowCount && next(in, wanted, row); row++) {
                if (!isWanted(wanted, row)) {
                    continue;
                }
                float[] parsed = in.embedding();
                for (float value : parsed) {
                    if (!Float.isFinite(value)) {
                        throw new IOException("row " + row + " of the embeddings holds " + value);
                    }
                }
                for (int w = 0; w < wanted.size(); w++) {
                    if (wanted.get(w).get(row)) {
                        System.arraycopy(parsed, 0, values.get(w), filled[w]++ * dim, dim);
                    }
                }
            }
            if (row != rowCount) {
                throw new IOException(csv + " has " + row + " rows, expected " + rowCount);
            }
            if (in.skip()) {
                throw new IOException(csv + " has more than the " + rowCount + " rows expected");
            }
        } catch (InvalidEmbeddingsException e) {
            throw new IOException("the stored embeddings: " + e.getMessage(), e);
        }
        List<Vectors> out = new ArrayList<>();
        for (int w = 0; w < wanted.size(); w++) {
            out.add(new Vectors(filled[w], dim, values.get(w)));
        }
        return out;
    }

    /** Parses the next row when a set wants it, else only moves past it. */
    private static boolean next(EmbeddingsCsv.RowReader in, List<BitSet> wanted, int row)
            throws IOException {
        return isWanted(wanted, row) ? in.next() : in.skip();
    }

    private static boolean isWanted(List<BitSet> wanted, int row) {
        for (BitSet rows : wanted) {
            if (rows.get(row)) {
                return true;
            }
        }
        return false;
    }
}
