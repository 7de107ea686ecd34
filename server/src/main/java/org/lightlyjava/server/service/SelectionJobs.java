package org.lightlyjava.server.service;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import org.lightlyjava.api.BitMask;
import org.lightlyjava.server.blob.BlobFiles;
import org.lightlyjava.server.blob.BlobKey;
import org.lightlyjava.server.selection.KCenterGreedy;
import org.lightlyjava.server.selection.NearDuplicates;
import org.lightlyjava.server.selection.RandomPicks;
import org.lightlyjava.server.selection.ScoredGreedy;
import org.lightlyjava.server.selection.Vectors;
import org.lightlyjava.server.store.DuplicateException;
import org.lightlyjava.server.store.EmbeddingRecord;
import org.lightlyjava.server.store.MissingException;
import org.lightlyjava.server.store.TagRecord;
import org.lightlyjava.server.store.TagStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs checked selection requests on the selection thread: loads the embedding rows, runs the
 * algorithm and stores the new tag; the job's result is the tag's id, its error the reason it
 * failed.
 */
final class SelectionJobs {

    private static final Logger LOG = LoggerFactory.getLogger(SelectionJobs.class);

    /** The weight of the score against diversity in ACTIVE_LEARNING and CORAL. */
    static final double SCORE_WEIGHT = 0.5;

    /** The tag a job makes, before its bitmask is known. */
    record NewTag(
            String datasetId,
            String name,
            String prevTagId,
            String queryTagId,
            String preselectedTagId,
            String creator,
            long totSize) {}

    /**
     * A checked sampling request; {@code candidates} excludes {@code preselected}; {@code scores}
     * (one per candidate) for the active-learning methods, else null.
     */
    record Sampling(
            EmbeddingRecord embedding,
            String method,
            BitSet candidates,
            BitSet preselected,
            int count,
            double minDistance,
            double[] scores,
            NewTag tag) {}

    /** A checked near-duplicates request over the samples in {@code rows}. */
    record Duplicates(EmbeddingRecord embedding, BitSet rows, double maxDistance, NewTag tag) {}

    private final TagStore tags;
    private final BlobFiles blobs;
    private final JobRegistry jobs;
    private final DuplicateResults results;
    private final ExecutorService executor;
    private final Ids ids;
    private final Clock clock;

    SelectionJobs(
            TagStore tags,
            BlobFiles blobs,
            JobRegistry jobs,
            DuplicateResults results,
            ExecutorService executor,
            Ids ids,
            Clock clock) {
        this.tags = tags;
        this.blobs = blobs;
        this.jobs = jobs;
        this.results = results;
        this.executor = executor;
        this.ids = ids;
        this.clock = clock;
    }

    /** Queues a job that yields its result data; a failure becomes the job's error. */
    void submit(String jobId, Callable<String> work) {
        executor.execute(
                () -> {
                    jobs.running(jobId);
                    try {
                        jobs.finish(jobId, work.call());
                    } catch (ApiProblem e) {
                        jobs.fail(jobId, e.getMessage());
                    } catch (Exception | OutOfMemoryError e) {
                        // the job's arrays are its own: a selection too large for the heap fails
                        // alone, and says so
                        LOG.warn("selection job {} failed", jobId, e);
                        jobs.fail(jobId, "the job failed: " + e);
                    }
                });
    }

    /** Chooses the samples and stores the tag; returns its id. */
    String sample(Sampling job) throws IOException {
        int[] candidates = job.candidates().stream().toArray();
        long start = System.nanoTime();
        long read = start;
        int[] picks;
        if (job.method().equals(SelectionService.RANDOM)) {
            picks = RandomPicks.select(candidates.length, job.count(), job.tag().name().hashCode());
        } else {
            List<Vectors> rows =
                    rows(job.embedding(), List.of(job.candidates(), job.preselected()));
            read = System.nanoTime();
            picks =
                    job.scores() == null
                            ? KCenterGreedy.select(
                                    rows.get(0), rows.get(1), job.count(), job.minDistance())
                            : ScoredGreedy.select(
                                    rows.get(0),
                                    job.scores(),
                                    rows.get(1),
                                    job.count(),
                                    job.minDistance(),
                                    SCORE_WEIGHT);
        }
        BitSet mask = (BitSet) job.preselected().clone();
        for (int pick : picks) {
            mask.set(candidates[pick]);
        }
        LOG.info(
                "{} chose {} of {} samples for tag '{}' (rows read in {} s, chosen in {} s)",
                job.method(),
                picks.length,
                candidates.length,
                job.tag().name(),
                seconds(start, read),
                seconds(read, System.nanoTime()));
        return insert(job.tag(), BitMask.of(mask));
    }

    /** Finds the groups, keeps them for {@code jobId} and stores the tag; returns its id. */
    String duplicates(String jobId, Duplicates job) throws IOException {
        int[] index = job.rows().stream().toArray();
        long start = System.nanoTime();
        Vectors rows = rows(job.embedding(), List.of(job.rows())).get(0);
        long read = System.nanoTime();
        List<int[]> groups = NearDuplicates.groups(rows, job.maxDistance());
        long found = System.nanoTime();
        BitSet drop = new BitSet();
        int[][] samples = new int[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            int[] group = groups.get(g);
            samples[g] = new int[group.length];
            for (int k = 0; k < group.length; k++) {
                samples[g][k] = index[group[k]];
                if (k > 0) {
                    drop.set(index[group[k]]);
                }
            }
        }
        String tagId = insert(job.tag(), BitMask.of(drop));
        results.put(
                jobId,
                new DuplicateResults.Result(
                        job.tag().datasetId(),
                        job.embedding().id(),
                        job.maxDistance(),
                        samples,
                        tagId));
        LOG.info(
                "{} groups of near-duplicates within {} among {} samples (rows read in {} s,"
                        + " grouped in {} s)",
                groups.size(),
                job.maxDistance(),
                index.length,
                seconds(start, read),
                seconds(read, found));
        return tagId;
    }

    private static String seconds(long fromNanos, long toNanos) {
        return String.format(java.util.Locale.ROOT, "%.2f", (toNanos - fromNanos) / 1e9);
    }

    private List<Vectors> rows(EmbeddingRecord embedding, List<BitSet> wanted) throws IOException {
        Path csv = blobs.path(BlobKey.embeddingsCsv(embedding.datasetId(), embedding.id()));
        return EmbeddingRows.read(csv, embedding.rowCount(), embedding.dimension(), wanted);
    }

    private String insert(NewTag tag, BitMask mask) {
        long now = clock.millis();
        TagRecord record =
                new TagRecord(
                        ids.next(),
                        tag.datasetId(),
                        tag.name(),
                        false,
                        tag.prevTagId(),
                        tag.queryTagId(),
                        tag.preselectedTagId(),
                        mask.toString(),
                        tag.totSize(),
                        tag.creator(),
                        null,
                        null,
                        now,
                        now);
        try {
            tags.insert(record);
            return record.id();
        } catch (DuplicateException e) {
            throw ApiProblem.conflict(
                    "TAG_NAME_EXISTS", "a tag named '" + tag.name() + "' was made meanwhile");
        } catch (MissingException e) {
            throw ApiProblem.notFound("DATASET_UNKNOWN", "the dataset was deleted meanwhile");
        }
    }
}
