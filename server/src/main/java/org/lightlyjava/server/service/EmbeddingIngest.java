package org.lightlyjava.server.service;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lightlyjava.api.embeddings.EmbeddingsCsv;
import org.lightlyjava.api.embeddings.EmbeddingsCsvWriter;
import org.lightlyjava.api.embeddings.InvalidEmbeddingsException;
import org.lightlyjava.server.blob.BlobFiles;
import org.lightlyjava.server.blob.BlobKey;
import org.lightlyjava.server.store.EmbeddingRecord;
import org.lightlyjava.server.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes an uploaded embeddings CSV: checks it as Lightly's client does, requires one row per sample
 * of the dataset (by file name), stores it reordered to creation order, marks the embedding
 * processed and computes its PCA projection. A refused file leaves nothing behind.
 */
final class EmbeddingIngest {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingIngest.class);
    private static final int NAMED = 5;

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
        EmbeddingsCsv.Table table = parse(received);
        List<String> names = new ArrayList<>();
        store.samples().forEachName(embedding.datasetId(), true, names::add);
        if (names.isEmpty()) {
            throw ApiProblem.badRequest("the dataset has no samples to embed");
        }
        if (table.size() != names.size()) {
            throw new ApiProblem(
                    400,
                    "EMBEDDING_ROW_COUNT_INVALID",
                    "there are "
                            + table.size()
                            + " rows in the embeddings CSV, but "
                            + names.size()
                            + " samples in the dataset");
        }
        int[] rowOf = match(table, names);
        List<float[]> ordered = new ArrayList<>(names.size());
        Path temp = blobs.newTemp();
        try (EmbeddingsCsvWriter out = EmbeddingsCsvWriter.create(temp, table.dimension())) {
            for (int i = 0; i < names.size(); i++) {
                int row = rowOf[i];
                ordered.add(table.embeddings().get(row));
                out.write(names.get(i), table.embeddings().get(row), table.labels().get(row));
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        BlobKey key = BlobKey.embeddingsCsv(embedding.datasetId(), embedding.id());
        blobs.commit(temp, blobs.path(key));
        store.embeddings().markProcessed(embedding.id(), names.size(), table.dimension());
        try {
            twoD.pca(embedding, ordered);
        } catch (IOException | RuntimeException e) {
            // the CSV is accepted; trigger2dEmbeddingsJob tries the projection again
            LOG.warn("PCA of embedding {} failed: {}", embedding.id(), e.toString());
        }
    }

    private static EmbeddingsCsv.Table parse(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return EmbeddingsCsv.read(reader, "embeddings CSV");
        } catch (InvalidEmbeddingsException e) {
            throw ApiProblem.badRequest(e.getMessage());
        } catch (java.nio.charset.MalformedInputException e) {
            throw ApiProblem.badRequest("the embeddings CSV is not UTF-8 text");
        }
    }

    /** For each sample index, the CSV row holding it; refuses any mismatch, naming a few. */
    private static int[] match(EmbeddingsCsv.Table table, List<String> names) {
        Map<String, Integer> indexOf = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            indexOf.put(names.get(i), i);
        }
        int[] rowOf = new int[names.size()];
        java.util.Arrays.fill(rowOf, -1);
        List<String> unknown = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        for (int row = 0; row < table.size(); row++) {
            String name = table.fileNames().get(row);
            Integer index = indexOf.get(name);
            if (index == null) {
                unknown.add(name);
            } else if (rowOf[index] >= 0) {
                twice.add(name);
            } else {
                rowOf[index] = row;
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < rowOf.length; i++) {
            if (rowOf[i] < 0) {
                missing.add(names.get(i));
            }
        }
        if (!unknown.isEmpty() || !twice.isEmpty() || !missing.isEmpty()) {
            throw ApiProblem.badRequest(mismatch(unknown, twice, missing));
        }
        return rowOf;
    }

    private static String mismatch(List<String> unknown, List<String> twice, List<String> missing) {
        List<String> parts = new ArrayList<>();
        if (!unknown.isEmpty()) {
            parts.add(unknown.size() + " not samples of the dataset " + few(unknown));
        }
        if (!twice.isEmpty()) {
            parts.add(twice.size() + " listed twice " + few(twice));
        }
        if (!missing.isEmpty()) {
            parts.add(missing.size() + " samples without a row " + few(missing));
        }
        return "the file names in the embeddings CSV do not match the dataset's samples: "
                + String.join("; ", parts);
    }

    private static String few(List<String> names) {
        List<String> shown = names.subList(0, Math.min(NAMED, names.size()));
        return "(" + String.join(", ", shown) + (names.size() > NAMED ? ", ...)" : ")");
    }
}
