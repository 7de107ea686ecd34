package org.lightlyjava.server.service;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lightlyjava.api.model.AsyncTaskData;
import org.lightlyjava.api.model.DatasetEmbeddingData;
import org.lightlyjava.api.model.Embedding2dData;
import org.lightlyjava.api.model.Trigger2dEmbeddingJobRequest;
import org.lightlyjava.api.model.WriteCsvUrlData;
import org.lightlyjava.server.blob.BlobKey;
import org.lightlyjava.server.blob.BlobUrls;
import org.lightlyjava.server.store.DatasetRecord;
import org.lightlyjava.server.store.DuplicateException;
import org.lightlyjava.server.store.Embedding2dRecord;
import org.lightlyjava.server.store.EmbeddingRecord;
import org.lightlyjava.server.store.EmbeddingStore;
import org.lightlyjava.server.store.UserRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeddings of a dataset. The CSV arrives through a signed URL ({@link EmbeddingIngest}); the 2D
 * projection is PCA, computed when the CSV arrives. {@code TSNE} and {@code UMAP} requests succeed
 * (Lightly's client fails its upload otherwise) but their job is recorded as failed: only PCA is
 * available on this server.
 */
public final class EmbeddingService {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingService.class);
    private static final Set<String> METHODS = Set.of("PCA", "TSNE", "UMAP");
    static final String JOB_TYPE = "EMBEDDINGS2D";

    private final EmbeddingStore store;
    private final BlobUrls urls;
    private final TwoD twoD;
    private final JobRegistry jobs;
    private final Ids ids;
    private final Clock clock;

    EmbeddingService(
            EmbeddingStore store,
            BlobUrls urls,
            TwoD twoD,
            JobRegistry jobs,
            Ids ids,
            Clock clock) {
        this.store = store;
        this.urls = urls;
        this.twoD = twoD;
        this.jobs = jobs;
        this.ids = ids;
        this.clock = clock;
    }

    /** Newest first. */
    public List<DatasetEmbeddingData> list(DatasetRecord dataset) {
        return store.list(dataset.id()).stream().map(EmbeddingService::toData).toList();
    }

    /**
     * @throws ApiProblem 404 when the dataset has no such embedding
     */
    public EmbeddingRecord get(DatasetRecord dataset, String embeddingId) {
        Ids.require(embeddingId, "embeddingId");
        return store.find(dataset.id(), embeddingId)
                .orElseThrow(
                        () ->
                                ApiProblem.notFound(
                                        "NOT_FOUND",
                                        "embedding "
                                                + embeddingId
                                                + " does not exist in this dataset"));
    }

    /**
     * Creates an unprocessed embedding and a URL for its CSV. For an unprocessed embedding of that
     * name, the same embedding with a fresh URL: an interrupted upload can resume.
     *
     * @throws ApiProblem 409 {@code EMBEDDING_NAME_EXISTS} when a processed one has the name
     */
    public WriteCsvUrlData writeCsvUrl(DatasetRecord dataset, String name, String base) {
        Names.embedding(name);
        EmbeddingRecord embedding = store.findByName(dataset.id(), name).orElse(null);
        if (embedding == null) {
            embedding =
                    new EmbeddingRecord(
                            ids.next(), dataset.id(), name, false, null, null, clock.millis());
            try {
                store.insert(embedding);
            } catch (DuplicateException e) {
                embedding = store.findByName(dataset.id(), name).orElseThrow(() -> e);
            }
        }
        if (embedding.processed()) {
            throw ApiProblem.conflict(
                    "EMBEDDING_NAME_EXISTS", "an embedding named '" + name + "' exists already");
        }
        String url = urls.writeUrl(base, BlobKey.embeddingsCsv(dataset.id(), embedding.id()));
        return new WriteCsvUrlData(url, embedding.id());
    }

    public String readCsvUrl(DatasetRecord dataset, String embeddingId, String base) {
        EmbeddingRecord embedding = processed(dataset, embeddingId);
        return urls.readUrl(base, BlobKey.embeddingsCsv(dataset.id(), embedding.id()));
    }

    /** Starts (here: runs) a 2D projection job; see the class comment. */
    public AsyncTaskData trigger2d(
            UserRecord user,
            DatasetRecord dataset,
            String embeddingId,
            Trigger2dEmbeddingJobRequest request) {
        String method = request.dimensionalityReductionMethod();
        if (method == null || !METHODS.contains(method)) {
            throw ApiProblem.badRequest(
                    "dimensionalityReductionMethod must be one of " + METHODS + ": " + method);
        }
        EmbeddingRecord embedding = processed(dataset, embeddingId);
        String jobId = jobs.start(user.id(), JOB_TYPE);
        if (!method.equals(TwoD.PCA)) {
            LOG.info(
                    "2D projection {} requested for embedding {}: only PCA is available here",
                    method,
                    embedding.id());
            jobs.fail(jobId, method + " is not available on lightly-server; use PCA");
            return new AsyncTaskData(jobId);
        }
        try {
            jobs.finish(jobId, twoD.pca(embedding).id());
        } catch (IOException | RuntimeException e) {
            LOG.warn("PCA of embedding {} failed: {}", embedding.id(), e.toString());
            jobs.fail(jobId, "PCA failed: " + e.getMessage());
        }
        return new AsyncTaskData(jobId);
    }

    public List<Embedding2dData> list2d(DatasetRecord dataset, String embeddingId) {
        EmbeddingRecord embedding = get(dataset, embeddingId);
        return store.list2d(embedding.id()).stream().map(twoD::data).toList();
    }

    public Embedding2dData get2d(DatasetRecord dataset, String embeddingId, String id2d) {
        EmbeddingRecord embedding = get(dataset, embeddingId);
        Ids.require(id2d, "embedding2dId");
        Optional<Embedding2dRecord> record = store.find2d(embedding.id(), id2d);
        return twoD.data(
                record.orElseThrow(
                        () ->
                                ApiProblem.notFound(
                                        "NOT_FOUND", "2D embedding " + id2d + " does not exist")));
    }

    /**
     * @throws ApiProblem 404 when the dataset has no such embedding or its CSV never arrived
     */
    EmbeddingRecord processed(DatasetRecord dataset, String embeddingId) {
        EmbeddingRecord embedding = get(dataset, embeddingId);
        if (!embedding.processed()) {
            throw ApiProblem.notFound(
                    "NOT_FOUND",
                    "embedding " + embeddingId + " has no CSV yet: it was never uploaded");
        }
        return embedding;
    }

    static DatasetEmbeddingData toData(EmbeddingRecord e) {
        return new DatasetEmbeddingData(e.id(), e.name(), e.processed(), e.createdAt(), false);
    }
}
