package org.lightlyjava.server.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.lightlyjava.api.embeddings.EmbeddingsCsv;
import org.lightlyjava.api.model.Embedding2dData;
import org.lightlyjava.server.blob.BlobFiles;
import org.lightlyjava.server.blob.BlobKey;
import org.lightlyjava.server.store.Embedding2dRecord;
import org.lightlyjava.server.store.EmbeddingRecord;
import org.lightlyjava.server.store.EmbeddingStore;

/** 2D projections of embeddings: PCA, computed here; the coordinates are files. */
final class TwoD {

    static final String PCA = "PCA";

    private final EmbeddingStore store;
    private final BlobFiles blobs;
    private final Ids ids;
    private final Clock clock;

    TwoD(EmbeddingStore store, BlobFiles blobs, Ids ids, Clock clock) {
        this.store = store;
        this.blobs = blobs;
        this.ids = ids;
        this.clock = clock;
    }

    /** Computes and stores the PCA projection of rows in creation order. */
    Embedding2dRecord pca(EmbeddingRecord embedding, Pca.Rows rows) throws IOException {
        double[][] coordinates = Pca.project(rows);
        Embedding2dRecord record =
                new Embedding2dRecord(
                        ids.next(),
                        embedding.id(),
                        embedding.datasetId(),
                        embedding.name() + " (PCA)",
                        PCA,
                        clock.millis());
        Path temp = blobs.newTemp();
        try {
            Projections.write(temp, coordinates);
            blobs.commit(temp, file(record));
        } finally {
            Files.deleteIfExists(temp);
        }
        store.put2d(record);
        return record;
    }

    /** The stored PCA projection, computing it from the stored CSV when there is none. */
    Embedding2dRecord pca(EmbeddingRecord embedding) throws IOException {
        Optional<Embedding2dRecord> existing =
                store.list2d(embedding.id()).stream()
                        .filter(p -> p.method().equals(PCA) && Files.exists(file(p)))
                        .findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        Path csv = blobs.path(BlobKey.embeddingsCsv(embedding.datasetId(), embedding.id()));
        return pca(embedding, csvRows(csv, embedding));
    }

    /** The stored CSV's rows, parsed afresh on each pass. */
    private static Pca.Rows csvRows(Path csv, EmbeddingRecord embedding) {
        return new Pca.Rows() {
            @Override
            public int size() {
                return Math.toIntExact(embedding.rowCount());
            }

            @Override
            public int dimension() {
                return embedding.dimension();
            }

            @Override
            public void forEach(Consumer<float[]> visitor) throws IOException {
                try (EmbeddingsCsv.RowReader rows =
                        EmbeddingsCsv.RowReader.open(
                                Files.newBufferedReader(csv, StandardCharsets.UTF_8),
                                csv.toString())) {
                    int n = 0;
                    while (rows.next()) {
                        visitor.accept(rows.embedding());
                        n++;
                    }
                    if (n != size() || rows.dimension() != dimension()) {
                        throw new IOException(csv + " does not hold the rows it was stored with");
                    }
                }
            }
        };
    }

    Embedding2dData data(Embedding2dRecord record) {
        try {
            List<List<Double>> axes = Projections.read(file(record));
            return new Embedding2dData(
                    record.id(),
                    record.datasetId(),
                    record.embeddingId(),
                    record.name(),
                    record.createdAt(),
                    record.method(),
                    axes.get(0),
                    axes.get(1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read 2D projection " + record.id(), e);
        }
    }

    private Path file(Embedding2dRecord record) {
        return blobs.embeddingFile(
                record.datasetId(), record.embeddingId(), "." + record.id() + ".2d");
    }
}
