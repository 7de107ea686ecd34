package org.lightlyjava.api.embeddings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads and checks Lightly's embeddings.csv (reference §4.2), as Lightly's {@code check_embeddings}
 * does before an upload: the first column is {@code filenames}, a {@code labels} column exists, the
 * columns between are {@code embedding_N} (other columns such as {@code masked} or {@code selected}
 * are dropped), no empty rows, every row as wide as the header, every value a number.
 */
public final class EmbeddingsCsv {

    static final String FILENAMES = "filenames";
    static final String LABELS = "labels";
    static final String EMBEDDING_PREFIX = "embedding_";
    private static final Pattern EMBEDDING_COLUMN = Pattern.compile("embedding_\\d+");

    private EmbeddingsCsv() {}

    /** A parsed file: one row per sample, in file order. */
    public record Table(List<String> fileNames, List<float[]> embeddings, List<Integer> labels) {

        public int size() {
            return fileNames.size();
        }

        public int dimension() {
            return embeddings.isEmpty() ? 0 : embeddings.get(0).length;
        }
    }

    public static Table read(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        }
    }

    /**
     * @param source name of the input for messages
     * @throws InvalidEmbeddingsException when the content breaks one of the rules, naming the line
     */
    public static Table read(Reader in, String source) throws IOException {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        String headerLine = reader.readLine();
        if (headerLine == null) {
            throw new InvalidEmbeddingsException(source + ": the file is empty");
        }
        List<String> header = CsvLine.split(stripBom(headerLine));
        int[] embeddingColumns = embeddingColumns(header, source);
        int labelColumn = header.indexOf(LABELS);
        List<String> names = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int lineNo = 1;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                throw new InvalidEmbeddingsException(source + ", line " + lineNo + ": empty row");
            }
            List<String> cells = CsvLine.split(line);
            if (cells.size() != header.size()) {
                throw new InvalidEmbeddingsException(
                        source
                                + ", line "
                                + lineNo
                                + ": "
                                + cells.size()
                                + " columns, the header has "
                                + header.size());
            }
            float[] vector = new float[embeddingColumns.length];
            for (int i = 0; i < embeddingColumns.length; i++) {
                vector[i] = number(cells.get(embeddingColumns[i]), source, lineNo);
            }
            names.add(cells.get(0));
            vectors.add(vector);
            labels.add(label(cells.get(labelColumn), source, lineNo));
        }
        return new Table(List.copyOf(names), List.copyOf(vectors), List.copyOf(labels));
    }

    /** Quotes a CSV field only when needed, as Python's csv module does. */
    static String quote(String field) {
        if (field.indexOf(',') < 0
                && field.indexOf('"') < 0
                && field.indexOf('\n') < 0
                && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static int[] embeddingColumns(List<String> header, String source) {
        if (header.isEmpty() || !header.get(0).equals(FILENAMES)) {
            throw new InvalidEmbeddingsException(
                    source
                            + ": the first column must be '"
                            + FILENAMES
                            + "', found '"
                            + (header.isEmpty() ? "" : header.get(0))
                            + "'");
        }
        for (String column : header) {
            if (!column.equals(column.strip())) {
                throw new InvalidEmbeddingsException(
                        source + ": header column '" + column + "' has surrounding whitespace");
            }
        }
        if (!header.contains(LABELS)) {
            throw new InvalidEmbeddingsException(source + ": no '" + LABELS + "' column");
        }
        List<Integer> columns = new ArrayList<>();
        for (int i = 1; i < header.size(); i++) {
            if (EMBEDDING_COLUMN.matcher(header.get(i)).matches()) {
                columns.add(i);
            }
        }
        if (columns.isEmpty()) {
            throw new InvalidEmbeddingsException(source + ": no embedding_N columns");
        }
        return columns.stream().mapToInt(Integer::intValue).toArray();
    }

    private static float number(String cell, String source, int lineNo) {
        try {
            return Float.parseFloat(cell.strip());
        } catch (NumberFormatException e) {
            throw new InvalidEmbeddingsException(
                    source + ", line " + lineNo + ": '" + cell + "' is not a number");
        }
    }

    private static int label(String cell, String source, int lineNo) {
        try {
            return Integer.parseInt(cell.strip());
        } catch (NumberFormatException e) {
            throw new InvalidEmbeddingsException(
                    source + ", line " + lineNo + ": label '" + cell + "' is not an integer");
        }
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
