package org.lightlyjava.server.service;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.lightlyjava.server.blob.BlobFiles;
import org.lightlyjava.server.blob.SignedUrls;
import org.lightlyjava.server.datasource.Datasources;
import org.lightlyjava.server.store.Store;

/**
 * All services of one server, wired over one store, blob folder, URL signer and datasources. {@link
 * #close()} stops the selection thread.
 */
public final class Services implements AutoCloseable {

    private final Tokens tokens;
    private final DatasetService datasets;
    private final SampleService samples;
    private final SampleUrls sampleUrls;
    private final TagService tags;
    private final EmbeddingService embeddings;
    private final BlobService blobs;
    private final JobRegistry jobs;
    private final Limits limits;
    private final DatasourceService datasources;
    private final DatasourceFiles datasourceFiles;
    private final SelectionService selection;
    private final TagExports tagExports;
    private final MetaDataConfigs metaDataConfigs;
    private final CollaborationService collaboration;
    private final ScoreService scores;
    private final ScoreListing scoreListing;
    private final DatasourceOutputs datasourceOutputs;
    private final PredictionTaskService predictionTasks;
    private final SamplePredictionService samplePredictions;

    public Services(
            Store store,
            BlobFiles files,
            SignedUrls urls,
            Datasources opened,
            Limits limits,
            Clock clock) {
        Ids ids = new Ids(clock);
        this.datasources = new DatasourceService(store.datasources(), opened, urls, ids, clock);
        this.datasourceOutputs = new DatasourceOutputs(datasources, urls);
        this.datasourceFiles =
                new DatasourceFiles(store.datasources(), opened, limits.maxBlobBytes());
        this.limits = limits;
        this.jobs = new MemoryJobs(ids, clock);
        this.tokens = new Tokens(store.users(), ids, clock);
        this.datasets = new DatasetService(store.datasets(), store.shares(), files, ids, clock);
        this.sampleUrls = new SampleUrls(urls, datasources);
        this.samples =
                new SampleService(
                        store.samples(), sampleUrls, ids, clock, limits.maxSamplesPerDataset());
        this.tags = new TagService(store.tags(), store.samples(), ids, clock);
        this.scores = new ScoreService(store.scores(), tags, ids, clock);
        this.scoreListing = new ScoreListing(store.samples(), scores);
        this.predictionTasks = new PredictionTaskService(store.predictionTasks(), ids, clock);
        this.samplePredictions =
                new SamplePredictionService(
                        store.samplePredictions(), store.predictionTasks(), samples, ids, clock);
        TwoD twoD = new TwoD(store.embeddings(), files, ids, clock);
        this.embeddings = new EmbeddingService(store.embeddings(), urls, twoD, jobs, ids, clock);
        EmbeddingIngest ingest = new EmbeddingIngest(store, files, twoD);
        this.blobs = new BlobService(store, files, ingest, clock, limits.maxBlobBytes());
        this.selection = selection(store, files, ids, clock);
        this.tagExports = new TagExports(store.samples(), sampleUrls);
        this.metaDataConfigs = new MetaDataConfigs(store.metaDataConfigs(), ids, clock);
        this.collaboration = new CollaborationService(store.shares(), ids, clock);
    }

    /** Selections run one at a time on a daemon thread of their own. */
    private SelectionService selection(Store store, BlobFiles files, Ids ids, Clock clock) {
        ExecutorService executor =
                Executors.newSingleThreadExecutor(
                        task -> {
                            Thread thread = new Thread(task, "lightly-selection");
                            thread.setDaemon(true);
                            return thread;
                        });
        DuplicateResults results = new DuplicateResults();
        SelectionJobs runner =
                new SelectionJobs(store.tags(), files, jobs, results, executor, ids, clock);
        return new SelectionService(
                store.tags(),
                store.samples(),
                tags,
                embeddings,
                jobs,
                runner,
                results,
                executor,
                scores);
    }

    public Tokens tokens() {
        return tokens;
    }

    public DatasetService datasets() {
        return datasets;
    }

    public SampleService samples() {
        return samples;
    }

    public SampleUrls sampleUrls() {
        return sampleUrls;
    }

    public TagService tags() {
        return tags;
    }

    public EmbeddingService embeddings() {
        return embeddings;
    }

    public BlobService blobs() {
        return blobs;
    }

    public JobRegistry jobs() {
        return jobs;
    }

    public Limits limits() {
        return limits;
    }

    public DatasourceService datasources() {
        return datasources;
    }

    public DatasourceFiles datasourceFiles() {
        return datasourceFiles;
    }

    public SelectionService selection() {
        return selection;
    }

    public TagExports tagExports() {
        return tagExports;
    }

    public MetaDataConfigs metaDataConfigs() {
        return metaDataConfigs;
    }

    public CollaborationService collaboration() {
        return collaboration;
    }

    public ScoreService scores() {
        return scores;
    }

    public ScoreListing scoreListing() {
        return scoreListing;
    }

    public DatasourceOutputs datasourceOutputs() {
        return datasourceOutputs;
    }

    public PredictionTaskService predictionTasks() {
        return predictionTasks;
    }

    public SamplePredictionService samplePredictions() {
        return samplePredictions;
    }

    /** Stops the selection thread; a running selection is interrupted and fails. */
    @Override
    public void close() {
        selection.close();
    }
}
