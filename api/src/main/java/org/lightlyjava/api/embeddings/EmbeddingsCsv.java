package org.lightlyjava.api.embeddings;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

        /**
         * The first row whose file name an earlier row has, as {@code line 7 repeats 'a.jpg' of
         * line 3} (the header is line 1); empty when every name is listed once.
         */
        public Optional<String> firstRepeat() {
            Map<String, Integer> first = new HashMap<>(fileNames.size() * 2);
            for (int row = 0; row < fileNames.size(); row++) {
                Integer earlier = first.putIfAbsent(fileNames.get(row), row);
                if (earlier != null) {
                    return Optional.of(
                            "line "
                                    + (row + 2)
                                    + " repeats '"
                                    + fileNames.get(row)
                                    + "' of line "
                                    + (earlier + 2));
                }
            }
            return Optional.empty();
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
        List<String> names = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (RowReader rows = RowReader.open(in, source)) {
            while (rows.next()) {
                names.add(rows.fileName());
                vectors.add(rows.embedding().clone());
                labels.add(rows.label());
            }
        }
        return new Table(List.copyOf(names), List.copyOf(vectors), List.copyOf(labels));
    }

    /**
     * Reads the rows one at a time with the checks of {@link #read(Reader, String)}, holding only
     * the current row: for files too large to keep as objects.
     */
    public static final class RowReader implements Closeable {

        private final BufferedReader reader;
        private final String source;
        private final int columns;
        private final int[] embeddingColumns;
        private final int labelColumn;
        private final float[] embedding;
        private String fileName;
        private int label;
        private List<String> cells = List.of();
        private int lineNo = 1;

        private RowReader(BufferedReader reader, String source) throws IOException {
            this.reader = reader;
            this.source = source;
            String headerLine = reader.readLine();
            if (headerLine == null) {
                throw new InvalidEmbeddingsException(source + ": the file is empty");
            }
            List<String> header = CsvLine.split(stripBom(headerLine));
            columns = header.size();
            embeddingColumns = embeddingColumns(header, source);
            labelColumn = header.indexOf(LABELS);
            embedding = new float[embeddingColumns.length];
        }

        /**
         * Reads the header; the reader is closed with this one.
         *
         * @throws InvalidEmbeddingsException when the header breaks one of the rules
         */
        public static RowReader open(Reader in, String source) throws IOException {
            BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
            try {
                return new RowReader(reader, source);
            } catch (IOException | RuntimeException e) {
                reader.close();
                throw e;
            }
        }

        /** The number of {@code embedding_N} columns. */
        public int dimension() {
            return embedding.length;
        }

        /**
         * Moves to the next row.
         *
         * @return false at the end of the file
         * @throws InvalidEmbeddingsException when the row breaks one of the rules, naming its line
         */
        public boolean next() throws IOException {
            String line = reader.readLine();
            if (line == null) {
                return false;
            }
            lineNo++;
            if (line.isBlank()) {
                throw new InvalidEmbeddingsException(source + ", line " + lineNo + ": empty row");
            }
            cells = CsvLine.split(line);
            if (cells.size() != columns) {
                throw new InvalidEmbeddingsException(
                        source
                                + ", line "
                                + lineNo
                                + ": "
                                + cells.size()
                                + " columns, the header has "
                                + columns);
            }
            for (int i = 0; i < embeddingColumns.length; i++) {
                embedding[i] = number(cells.get(embeddingColumns[i]), source, lineNo);
            }
            fileName = cells.get(0);
            label = EmbeddingsCsv.label(cells.get(labelColumn), source, lineNo);
            return true;
        }

        /**
         * Moves past the next row without parsing it (for a file checked before).
         *
         * @return false at the end of the file
         */
        public boolean skip() throws IOException {
            if (reader.readLine() == null) {
                return false;
            }
            lineNo++;
            return true;
        }

        public String fileName() {
            return fileName;
        }

        /**
         * The current row as Lightly's columns hold it in the file, unparsed: the {@code
         * embedding_N} values in order, then the label (other columns left out).
         */
        public List<String> text() {
            List<String> out = new ArrayList<>(embeddingColumns.length + 1);
            for (int column : embeddingColumns) {
                out.add(cells.get(column));
            }
            out.add(cells.get(labelColumn));
            return out;
        }

        /** The current row's values; the same array is refilled by {@link #next()}. */
        public float[] embedding() {
            return embedding;
        }

        public int label() {
            return label;
        }

        /** The current row's line in the file (the header is line 1). */
        public int line() {
            return lineNo;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /** Quotes a CSV field only when needed, as Python's csv module does. */
    public static String quote(String field) {
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
