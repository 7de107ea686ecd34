package org.lightlyjava.server.store;

import java.util.List;
import java.util.Optional;

/** Embeddings of a dataset and their 2D projections. */
public interface EmbeddingStore {

    /** Newest first. */
    List<EmbeddingRecord> list(String datasetId);

    Optional<EmbeddingRecord> find(String datasetId, String embeddingId);

    Optional<EmbeddingRecord> findByName(String datasetId, String name);

    /**
     * Inserts an unprocessed embedding.
     *
     * @throws DuplicateException when the name is taken
     */
    void insert(EmbeddingRecord embedding);

    /** Marks it processed with its size; false when it is gone. */
    boolean markProcessed(String embeddingId, long rowCount, int dimension);

    /** Stores a projection; replaces one of the same method of that embedding. */
    void put2d(Embedding2dRecord projection);

    List<Embedding2dRecord> list2d(String embeddingId);

    Optional<Embedding2dRecord> find2d(String embeddingId, String id);
}
