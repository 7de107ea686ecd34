package org.lightlyjava.server.service;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.lightlyjava.api.embeddings.EmbeddingsCsv;
import org.lightlyjava.api.embeddings.InvalidEmbeddingsException;
import org.lightlyjava.server.blob.BlobFiles;
import org.lightlyjava.server.blob.BlobKey;
import org.lightlyjava.server.store.EmbeddingRecord;
import org.lightlyjava.server.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes an uploaded embeddings CSV: checks it as Lightly's client does, requires one row per sample
 * of the dataset (by file name), stores it with its rows moved to creation order, marks the
 * embedding processed and computes its PCA projection. A refused file leaves nothing behind.
 *
 * <p>The stored file holds the uploaded bytes: rows are moved as text ({@link CsvRows}), never
 * reprinted, so it reads back as Lightly's API hands back a file (byte for byte when the rows came
 * in creation order). Nothing per row is kept as an object: one pass checks the file, matches each
 * row to its sample through a packed {@link NameIndex} and writes its values to a scratch file of
 * fixed-width records; then the rows' byte offsets are found, the stored CSV is written in creation
 * order from them, and the values, in that order, go to a second scratch file that the PCA reads.
 * Memory is an int and a long per sample beside the name index.
 */
final class EmbeddingIngest {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingIngest.class);

    private final Store store;
    private final BlobFiles blobs;
    private final TwoD twoD;

    EmbeddingIngest(Store store, BlobFiles blobs, TwoD twoD) {
        this.store = store;
        this.blobs = blobs;
        this.twoD = twoD;
    }

    /**
     * @param received the uploaded file (the caller deletes it)
     * @throws ApiProblem 400 when the file is refused
     */
    void ingest(EmbeddingRecord embedding, Path received) throws IOException {
        long start = System.nanoTime();
        NameIndex names =
                NameIndex.of(
                        sink -> store.samples().forEachName(embedding.datasetId(), true, sink));
        Path byRow = blobs.newTemp();
        Path ordered = blobs.newTemp();
        try {
            Matched matched = match(received, names, byRow);
            int dim = matched.dimension;
            long checked = System.nanoTime();
            Path temp = blobs.newTemp();
            try {
                CsvRows.index(received, names.size() + 1)
                        .writeInOrder(received, matched.rowOf, temp);
                writeOrdered(matched.rowOf, byRow, dim, ordered);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            BlobKey key = BlobKey.embeddingsCsv(embedding.datasetId(), embedding.id());
            blobs.commit(temp, blobs.path(key));
            store.embeddings().markProcessed(embedding.id(), names.size(), dim);
            long stored = System.nanoTime();
            try {
                twoD.pca(embedding, records(ordered, names.size(), dim));
                LOG.info(
                        "embedding {}: {} rows of {} values checked in {} s, stored in creation"
                                + " order in {} s, PCA in {} s",
                        embedding.id(),
                        names.size(),
                        dim,
                        seconds(start, checked),
                        seconds(checked, stored),
                        seconds(stored, System.nanoTime()));
            } catch (IOException | RuntimeException e) {
                // the CSV is accepted; trigger2dEmbeddingsJob tries the projection again
                LOG.warn("PCA of embedding {} failed: {}", embedding.id(), e.toString());
            }
        } finally {
            Files.deleteIfExists(byRow);
            Files.deleteIfExists(ordered);
        }
    }

    private static String seconds(long fromNanos, long toNanos) {
        return String.format(Locale.ROOT, "%.2f", (toNanos - fromNanos) / 1e9);
    }

    /** The checked file: its dimension and, per sample index, the row holding it. */
    private record Matched(int dimension, int[] rowOf) {}

    /** The first pass; see the class comment. */
    private static Matched match(Path received, NameIndex names, Path byRow) throws IOException {
        int[] rowOf = new int[names.size()];
        Arrays.fill(rowOf, -1);
        Mismatch mismatch = new Mismatch();
        int rows = 0;
        int dim;
        try (Reader reader = Files.newBufferedReader(received, StandardCharsets.UTF_8);
                EmbeddingsCsv.RowReader csv =
                        EmbeddingsCsv.RowReader.open(reader, "embeddings CSV")) {
            dim = csv.dimension();
            try (FloatRecords.Writer out = FloatRecords.writer(byRow, dim)) {
                while (csv.next()) {
                    out.write(csv.embedding(), csv.label());
                    int index = names.indexOf(csv.fileName());
                    if (index < 0) {
                        mismatch.unknown.add(csv.fileName());
                    } else if (rowOf[index] >= 0) {
                        mismatch.twice.add(
                                "line "
                                        + csv.line()
                                        + " repeats '"
                                        + csv.fileName()
                                        + "' of line "
                                        + (rowOf[index] + 2));
                    } else {
                        rowOf[index] = rows;
                    }
                    rows++;
                }
            }
        } catch (InvalidEmbeddingsException e) {
            throw ApiProblem.badRequest(e.getMessage());
        } catch (MalformedInputException e) {
            throw ApiProblem.badRequest("the embeddings CSV is not UTF-8 text");
        }
        if (names.size() == 0) {
            throw ApiProblem.badRequest("the dataset has no samples to embed");
        }
        if (rows != names.size()) {
            throw new ApiProblem(
                    400,
                    "EMBEDDING_ROW_COUNT_INVALID",
                    "there are "
                            + rows
                            + " rows in the embeddings CSV, but "
                            + names.size()
                            + " samples in the dataset");
        }
        for (int i = 0; i < rowOf.length; i++) {
            if (rowOf[i] < 0) {
                mismatch.missing.add(names.name(i));
            }
        }
        if (mismatch.any()) {
            throw ApiProblem.badRequest(mismatch.message());
        }
        return new Matched(dim, rowOf);
    }

    /** The rows' values in creation order, for the PCA. */
    private static void writeOrdered(int[] rowOf, Path byRow, int dim, Path ordered)
            throws IOException {
        try (FloatRecords.Reader in = FloatRecords.reader(byRow, dim);
                FloatRecords.Writer rows = FloatRecords.writer(ordered, dim)) {
            for (int i = 0; i < rowOf.length; i++) {
                float[] values = in.read(rowOf[i]);
                rows.write(values, in.label());
            }
        }
    }

    private static Pca.Rows records(Path file, int count, int dim) {
        return new Pca.Rows() {
            @Override
            public int size() {
                return count;
            }

            @Override
            public int dimension() {
                return dim;
            }

            @Override
            public void forEach(Consumer<float[]> visitor) throws IOException {
                try (FloatRecords.Reader in = FloatRecords.reader(file, dim)) {
                    in.forEach(count, visitor);
                }
            }
        };
    }

    /** File names that do not match, counted, a few of each kind kept for the message. */
    private static final class Mismatch {

        final Examples unknown = new Examples();
        final Examples twice = new Examples();
        final Examples missing = new Examples();

        boolean any() {
            return unknown.count > 0 || twice.count > 0 || missing.count > 0;
        }

        String message() {
            List<String> parts = new ArrayList<>();
            if (unknown.count > 0) {
                parts.add(unknown.count + " not samples of the dataset " + unknown);
            }
            if (twice.count > 0) {
                parts.add(twice.count + " listed twice " + twice);
            }
            if (missing.count > 0) {
                parts.add(missing.count + " samples without a row " + missing);
            }
            return "the file names in the embeddings CSV do not match the dataset's samples: "
                    + String.join("; ", parts);
        }
    }

    /** A count and the first few items. */
    private static final class Examples {

        private static final int NAMED = 5;

        private final List<String> shown = new ArrayList<>();
        private long count;

        void add(String item) {
            if (shown.size() < NAMED) {
                shown.add(item);
            }
            count++;
        }

        @Override
        public String toString() {
            return "(" + String.join(", ", shown) + (count > NAMED ? ", ...)" : ")");
        }
    }
}
