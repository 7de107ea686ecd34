package org.lightlyjava.server.store.jdbi;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.lightlyjava.server.store.DuplicateException;
import org.lightlyjava.server.store.Embedding2dRecord;
import org.lightlyjava.server.store.EmbeddingRecord;
import org.lightlyjava.server.store.EmbeddingStore;

final class JdbiEmbeddings implements EmbeddingStore {

    private static final String SELECT =
            "SELECT id, dataset_id, name, is_processed, row_count, dimension, created_at FROM"
                    + " embeddings";
    private static final String SELECT_2D =
            "SELECT id, embedding_id, dataset_id, name, method, created_at FROM embeddings_2d";

    private final Jdbi jdbi;

    JdbiEmbeddings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<EmbeddingRecord> list(String datasetId) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        SELECT
                                                + " WHERE dataset_id = :datasetId ORDER BY"
                                                + " created_at DESC, id DESC")
                                .bind("datasetId", datasetId)
                                .map(Rows.EMBEDDING)
                                .list());
    }

    @Override
    public Optional<EmbeddingRecord> find(String datasetId, String embeddingId) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(SELECT + " WHERE dataset_id = :datasetId AND id = :id")
                                .bind("datasetId", datasetId)
                                .bind("id", embeddingId)
                                .map(Rows.EMBEDDING)
                                .findOne());
    }

    @Override
    public Optional<EmbeddingRecord> findByName(String datasetId, String name) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(SELECT + " WHERE dataset_id = :datasetId AND name = :name")
                                .bind("datasetId", datasetId)
                                .bind("name", name)
                                .map(Rows.EMBEDDING)
                                .findOne());
    }

    @Override
    public void insert(EmbeddingRecord embedding) {
        try {
            jdbi.useHandle(
                    h ->
                            h.createUpdate(
                                            "INSERT INTO embeddings (id, dataset_id, name,"
                                                    + " is_processed, row_count, dimension,"
                                                    + " created_at) VALUES (:id, :datasetId,"
                                                    + " :name, :processed, :rowCount, :dimension,"
                                                    + " :createdAt)")
                                    .bindMethods(embedding)
                                    .execute());
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new DuplicateException(
                        "an embedding named '" + embedding.name() + "' exists already", e);
            }
            throw e;
        }
    }

    @Override
    public boolean markProcessed(String embeddingId, long rowCount, int dimension) {
        return jdbi.withHandle(
                        h ->
                                h.createUpdate(
                                                "UPDATE embeddings SET is_processed = :processed,"
                                                        + " row_count = :rowCount, dimension ="
                                                        + " :dimension WHERE id = :id")
                                        .bind("processed", true)
                                        .bind("rowCount", rowCount)
                                        .bind("dimension", dimension)
                                        .bind("id", embeddingId)
                                        .execute())
                > 0;
    }

    @Override
    public void put2d(Embedding2dRecord projection) {
        jdbi.useTransaction(
                h -> {
                    h.createUpdate(
                                    "DELETE FROM embeddings_2d WHERE embedding_id = :embeddingId"
                                            + " AND method = :method")
                            .bindMethods(projection)
                            .execute();
                    h.createUpdate(
                                    "INSERT INTO embeddings_2d (id, embedding_id, dataset_id,"
                                            + " name, method, created_at) VALUES (:id,"
                                            + " :embeddingId, :datasetId, :name, :method,"
                                            + " :createdAt)")
                            .bindMethods(projection)
                            .execute();
                });
    }

    @Override
    public List<Embedding2dRecord> list2d(String embeddingId) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(SELECT_2D + " WHERE embedding_id = :embeddingId ORDER BY id")
                                .bind("embeddingId", embeddingId)
                                .map(Rows.EMBEDDING_2D)
                                .list());
    }

    @Override
    public Optional<Embedding2dRecord> find2d(String embeddingId, String id) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(SELECT_2D + " WHERE embedding_id = :embeddingId AND id = :id")
                                .bind("embeddingId", embeddingId)
                                .bind("id", id)
                                .map(Rows.EMBEDDING_2D)
                                .findOne());
    }
}
