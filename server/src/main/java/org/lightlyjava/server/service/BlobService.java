package org.lightlyjava.server.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.lightlyjava.server.blob.BlobFiles;
import org.lightlyjava.server.blob.BlobKey;
import org.lightlyjava.server.blob.TooLargeException;
import org.lightlyjava.server.store.EmbeddingRecord;
import org.lightlyjava.server.store.SampleBlob;
import org.lightlyjava.server.store.Store;

/**
 * What happens behind a signed URL (already checked): a PUT stores a sample's image or thumbnail
 * and records that the server holds it, or takes an embeddings CSV; a GET finds the file.
 */
public final class BlobService {

    private final Store store;
    private final BlobFiles blobs;
    private final EmbeddingIngest ingest;
    private final Clock clock;
    private final long maxBytes;

    BlobService(Store store, BlobFiles blobs, EmbeddingIngest ingest, Clock clock, long maxBytes) {
        this.store = store;
        this.blobs = blobs;
        this.ingest = ingest;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /**
     * Stores a body.
     *
     * @param declaredLength the Content-Length, or -1
     * @throws ApiProblem 404 when the sample or embedding is gone, 413 when the body is too long,
     *     400 when an embeddings CSV is refused
     */
    public void put(BlobKey key, InputStream body, long declaredLength) throws IOException {
        if (declaredLength > maxBytes) {
            throw tooLarge();
        }
        if (key.kind() == BlobKey.Kind.EMBEDDINGS_CSV) {
            putCsv(key, body);
            return;
        }
        if (store.samples().find(key.datasetId(), key.id()).isEmpty()) {
            throw sampleGone(key);
        }
        Path target = blobs.path(key);
        blobs.commit(receive(body), target);
        SampleBlob blob =
                key.kind() == BlobKey.Kind.THUMBNAIL ? SampleBlob.THUMBNAIL : SampleBlob.FULL;
        if (!store.samples().markHeld(key.datasetId(), key.id(), blob, clock.millis())) {
            Files.deleteIfExists(target); // the sample went away meanwhile
            throw sampleGone(key);
        }
    }

    private void putCsv(BlobKey key, InputStream body) throws IOException {
        EmbeddingRecord embedding =
                store.embeddings()
                        .find(key.datasetId(), key.id())
                        .orElseThrow(
                                () ->
                                        ApiProblem.notFound(
                                                "NOT_FOUND",
                                                "embedding " + key.id() + " does not exist"));
        Path received = receive(body);
        try {
            ingest.ingest(embedding, received);
        } finally {
            Files.deleteIfExists(received);
        }
    }

    private Path receive(InputStream body) throws IOException {
        try {
            return blobs.receive(body, maxBytes);
        } catch (TooLargeException e) {
            throw tooLarge();
        }
    }

    /** The blob's file. @throws ApiProblem 404 when it was never uploaded */
    public Path get(BlobKey key) {
        Path file = blobs.path(key);
        if (!Files.isRegularFile(file)) {
            throw ApiProblem.notFound("NOT_FOUND", "no such blob: it was never uploaded");
        }
        return file;
    }

    private ApiProblem tooLarge() {
        return ApiProblem.tooLarge("the body is larger than the limit of " + maxBytes + " bytes");
    }

    private static ApiProblem sampleGone(BlobKey key) {
        return ApiProblem.notFound("SAMPLE_UNKNOWN", "sample " + key.id() + " does not exist");
    }
}
