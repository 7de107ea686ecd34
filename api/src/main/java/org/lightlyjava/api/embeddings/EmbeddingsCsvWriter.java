package org.lightlyjava.api.embeddings;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes Lightly's embeddings.csv (reference §4.2) row by row: header {@code
 * filenames,embedding_0,...,embedding_{D-1},labels}, comma separated, CRLF line ends (Python's csv
 * module), values as Python prints float32. Nothing is held in memory.
 */
public final class EmbeddingsCsvWriter implements Closeable {

    private final Writer out;
    private final int dimension;
    private final StringBuilder line = new StringBuilder(512);
    private long rows;

    private EmbeddingsCsvWriter(Writer out, int dimension) throws IOException {
        this.out = out;
        this.dimension = dimension;
        line.append(EmbeddingsCsv.FILENAMES);
        for (int i = 0; i < dimension; i++) {
            line.append(',').append(EmbeddingsCsv.EMBEDDING_PREFIX).append(i);
        }
        line.append(',').append(EmbeddingsCsv.LABELS);
        endLine();
    }

    /** Creates (or replaces) {@code file} and writes the header for {@code dimension} values. */
    public static EmbeddingsCsvWriter create(Path file, int dimension) throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new EmbeddingsCsvWriter(writer, dimension);
    }

    /** Writes to {@code out}, which this writer closes. */
    public static EmbeddingsCsvWriter to(Writer out, int dimension) throws IOException {
        return new EmbeddingsCsvWriter(out, dimension);
    }

    /** Appends one row. */
    public void write(String fileName, float[] embedding, int label) throws IOException {
        if (embedding.length != dimension) {
            throw new IllegalArgumentException(
                    "embedding of "
                            + fileName
                            + " has "
                            + embedding.length
                            + " values, expected "
                            + dimension);
        }
        line.append(EmbeddingsCsv.quote(fileName));
        for (float value : embedding) {
            line.append(',').append(PythonFloat.repr(value));
        }
        line.append(',').append(label);
        endLine();
        rows++;
    }

    /** Rows written so far, header excluded. */
    public long rows() {
        return rows;
    }

    private void endLine() throws IOException {
        line.append("\r\n");
        out.write(line.toString());
        line.setLength(0);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
