package org.lightlyjava.server.service;

import java.time.Clock;
import org.lightlyjava.server.blob.BlobFiles;
import org.lightlyjava.server.blob.BlobUrls;
import org.lightlyjava.server.store.Store;

/** All services of one server, wired over one store, blob folder and URL signer. */
public final class Services {

    private final Tokens tokens;
    private final DatasetService datasets;
    private final SampleService samples;
    private final SampleUrls sampleUrls;
    private final TagService tags;
    private final EmbeddingService embeddings;
    private final BlobService blobs;
    private final JobRegistry jobs;
    private final Limits limits;

    public Services(Store store, BlobFiles files, BlobUrls urls, Limits limits, Clock clock) {
        Ids ids = new Ids(clock);
        this.limits = limits;
        this.jobs = new MemoryJobs(ids, clock);
        this.tokens = new Tokens(store.users(), ids, clock);
        this.datasets = new DatasetService(store.datasets(), files, ids, clock);
        this.sampleUrls = new SampleUrls(urls);
        this.samples =
                new SampleService(
                        store.samples(), sampleUrls, ids, clock, limits.maxSamplesPerDataset());
        this.tags = new TagService(store.tags(), store.samples(), ids, clock);
        TwoD twoD = new TwoD(store.embeddings(), files, ids, clock);
        this.embeddings = new EmbeddingService(store.embeddings(), urls, twoD, jobs, ids, clock);
        EmbeddingIngest ingest = new EmbeddingIngest(store, files, twoD);
        this.blobs = new BlobService(store, files, ingest, clock, limits.maxBlobBytes());
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
}
