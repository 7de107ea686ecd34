package org.lightlyjava.server.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.lightlyjava.api.BitMask;
import org.lightlyjava.api.model.AsyncTaskData;
import org.lightlyjava.api.model.DuplicatesData;
import org.lightlyjava.api.model.DuplicatesRequest;
import org.lightlyjava.api.model.JobStatusData;
import org.lightlyjava.api.model.SamplingCreateRequest;
import org.lightlyjava.server.store.DatasetRecord;
import org.lightlyjava.server.store.EmbeddingRecord;
import org.lightlyjava.server.store.SampleStore;
import org.lightlyjava.server.store.ScoreRecord;
import org.lightlyjava.server.store.TagRecord;
import org.lightlyjava.server.store.TagStore;
import org.lightlyjava.server.store.UserRecord;

/**
 * Selection over a processed embedding: Lightly's sampling ({@code CORESET}: k-center greedy on
 * squared Euclidean distances of the stored vectors; {@code RANDOM}: seeded by the new tag's name;
 * {@code ACTIVE_LEARNING} and {@code CORAL}: active-learning scores combined with diversity, see
 * {@link org.lightlyjava.server.selection.ScoredGreedy}) and lightly-java's near-duplicate search.
 * A request is checked completely (method, name free, tags, sizes) before its job is queued; jobs
 * run one at a time on the selection thread ({@link #close()} stops it) and end in a new tag.
 */
public final class SelectionService implements AutoCloseable {

    static final String CORESET = "CORESET";
    static final String RANDOM = "RANDOM";
    static final String SAMPLING_JOB = "SAMPLING";

    /** {@code nSamples} of {@code -1}: as many as {@code minDistance} lets through. */
    private static final int UNLIMITED = -1;

    static final String DUPLICATES_JOB = "DUPLICATES";
    static final String ACTIVE_LEARNING = "ACTIVE_LEARNING";
    static final String CORAL = "CORAL";
    private static final Map<String, String> CREATORS =
            Map.of(
                    CORESET,
                    "SAMPLER_CORESET",
                    RANDOM,
                    "SAMPLER_RANDOM",
                    ACTIVE_LEARNING,
                    "SAMPLER_ACTIVE_LEARNING",
                    CORAL,
                    "SAMPLER_CORAL");

    private final TagStore tags;
    private final SampleStore samples;
    private final TagService tagService;
    private final EmbeddingService embeddings;
    private final JobRegistry jobs;
    private final SelectionJobs runner;
    private final DuplicateResults results;
    private final ExecutorService executor;
    private final ScoreService scores;

    SelectionService(
            TagStore tags,
            SampleStore samples,
            TagService tagService,
            EmbeddingService embeddings,
            JobRegistry jobs,
            SelectionJobs runner,
            DuplicateResults results,
            ExecutorService executor,
            ScoreService scores) {
        this.tags = tags;
        this.samples = samples;
        this.tagService = tagService;
        this.embeddings = embeddings;
        this.jobs = jobs;
        this.runner = runner;
        this.results = results;
        this.executor = executor;
        this.scores = scores;
    }

    /**
     * Starts a selection into a new tag: the preselected samples plus up to {@code nSamples} minus
     * their number chosen from the query tag's samples (all samples without one).
     *
     * @throws ApiProblem 400 for an unknown or unavailable method, a bad name or size, or tags the
     *     embedding does not cover; 404 for an unknown embedding or tag; 409 {@code
     *     TAG_NAME_EXISTS}
     */
    public AsyncTaskData sample(
            UserRecord user,
            DatasetRecord dataset,
            String embeddingId,
            SamplingCreateRequest request) {
        String method = method(request.method());
        String name = Names.tag(request.newTagName());
        double minDistance = minDistance(request);
        int nSamples = nSamples(request, method, minDistance);
        EmbeddingRecord embedding = embeddings.processed(dataset, embeddingId);
        requireFree(dataset, name);
        TagRecord query = tag(dataset, request.queryTagId());
        TagRecord preselected = tag(dataset, request.preselectedTagId());
        BitSet candidates = samples(dataset, embedding, query);
        BitSet chosen =
                preselected == null ? new BitSet() : samples(dataset, embedding, preselected);
        candidates.andNot(chosen);
        if (nSamples != UNLIMITED && nSamples < chosen.cardinality()) {
            throw ApiProblem.badRequest(
                    "nSamples ("
                            + nSamples
                            + ") is smaller than the "
                            + chosen.cardinality()
                            + " preselected samples it includes");
        }
        String prev = firstOf(query, preselected, initialTag(dataset));
        double[] candidateScores =
                method.equals(ACTIVE_LEARNING) || method.equals(CORAL)
                        ? candidateScores(dataset, query, request.scoreType(), candidates)
                        : null;
        SelectionJobs.NewTag tag =
                new SelectionJobs.NewTag(
                        dataset.id(),
                        name,
                        prev,
                        query == null ? null : query.id(),
                        preselected == null ? null : preselected.id(),
                        CREATORS.get(method),
                        dataset.nSamples());
        SelectionJobs.Sampling job =
                new SelectionJobs.Sampling(
                        embedding,
                        method,
                        candidates,
                        chosen,
                        nSamples == UNLIMITED
                                ? candidates.cardinality()
                                : nSamples - chosen.cardinality(),
                        minDistance,
                        candidateScores,
                        tag);
        String jobId = jobs.queue(user.id(), SAMPLING_JOB);
        runner.submit(jobId, () -> runner.sample(job));
        return new AsyncTaskData(jobId);
    }

    /**
     * Starts a near-duplicate search; see {@link DuplicatesRequest}.
     *
     * @throws ApiProblem 400 for a bad distance or name; 404 for an unknown embedding or tag; 409
     *     {@code TAG_NAME_EXISTS}
     */
    public AsyncTaskData duplicates(
            UserRecord user, DatasetRecord dataset, String embeddingId, DuplicatesRequest request) {
        Double maxDistance = request.maxDistance();
        if (maxDistance == null || !(maxDistance >= 0) || maxDistance.isInfinite()) {
            throw ApiProblem.badRequest("maxDistance must be a number >= 0, got " + maxDistance);
        }
        String name =
                Names.tag(
                        request.newTagName() != null
                                ? request.newTagName()
                                : "duplicates-" + plain(maxDistance));
        EmbeddingRecord embedding = embeddings.processed(dataset, embeddingId);
        requireFree(dataset, name);
        TagRecord within = tag(dataset, request.tagId());
        BitSet rows = samples(dataset, embedding, within);
        SelectionJobs.NewTag tag =
                new SelectionJobs.NewTag(
                        dataset.id(),
                        name,
                        firstOf(within, null, initialTag(dataset)),
                        within == null ? null : within.id(),
                        null,
                        "UNKNOWN",
                        dataset.nSamples());
        SelectionJobs.Duplicates job =
                new SelectionJobs.Duplicates(embedding, rows, maxDistance, tag);
        String jobId = jobs.queue(user.id(), DUPLICATES_JOB);
        runner.submit(jobId, () -> runner.duplicates(jobId, job));
        return new AsyncTaskData(jobId);
    }

    /**
     * The groups a finished near-duplicates job of this embedding found.
     *
     * @throws ApiProblem 404 for an unknown job, one of another embedding, or one whose result was
     *     forgotten; 409 {@code JOB_NOT_FINISHED} while it waits or runs, or when it failed
     */
    public DuplicatesData duplicatesResult(
            UserRecord user, DatasetRecord dataset, String embeddingId, String jobId) {
        DuplicateResults.Result result = result(user, dataset, embeddingId, jobId);
        BitSet members = new BitSet();
        for (int[] group : result.groups()) {
            for (int index : group) {
                members.set(index);
            }
        }
        Map<Integer, String> ids = column(dataset, members, false);
        Map<Integer, String> names = column(dataset, members, true);
        List<DuplicatesData.Group> groups = new ArrayList<>(result.groups().length);
        for (int[] group : result.groups()) {
            List<String> groupIds = new ArrayList<>(group.length);
            List<String> groupNames = new ArrayList<>(group.length);
            for (int index : group) {
                groupIds.add(ids.get(index));
                groupNames.add(names.get(index));
            }
            groups.add(new DuplicatesData.Group(groupIds, groupNames));
        }
        return new DuplicatesData(result.maxDistance(), groups, result.tagId());
    }

    private DuplicateResults.Result result(
            UserRecord user, DatasetRecord dataset, String embeddingId, String jobId) {
        Ids.require(jobId, "jobId");
        JobStatusData status =
                jobs.find(user.id(), jobId)
                        .orElseThrow(
                                () ->
                                        ApiProblem.notFound(
                                                "NOT_FOUND", "job " + jobId + " does not exist"));
        if (!status.status().equals("FINISHED")) {
            String why = status.error() == null ? "" : ": " + status.error();
            throw ApiProblem.conflict(
                    "JOB_NOT_FINISHED", "job " + jobId + " is " + status.status() + why);
        }
        return results.find(jobId)
                .filter(r -> r.datasetId().equals(dataset.id()))
                .filter(r -> r.embeddingId().equals(embeddingId))
                .orElseThrow(
                        () ->
                                ApiProblem.notFound(
                                        "NOT_FOUND",
                                        "job "
                                                + jobId
                                                + " is no near-duplicates job of this embedding,"
                                                + " or its result was forgotten (the newest "
                                                + DuplicateResults.KEEP
                                                + " are kept)"));
    }

    /** File names or ids of the samples with the given indices. */
    private Map<Integer, String> column(DatasetRecord dataset, BitSet indices, boolean fileNames) {
        Map<Integer, String> values = new HashMap<>();
        samples.forEachNameAt(dataset.id(), fileNames, indices::get, (v, i) -> values.put(i, v));
        return values;
    }

    private static String method(String method) {
        if (method == null) {
            throw ApiProblem.badRequest("method is missing: " + METHODS);
        }
        if (!CREATORS.containsKey(method)) {
            throw ApiProblem.badRequest("unknown method '" + method + "': " + METHODS);
        }
        return method;
    }

    private static final String METHODS = "CORESET, RANDOM, ACTIVE_LEARNING or CORAL";

    /**
     * The active-learning score of each candidate, in candidate order: the scores of the query tag
     * (else the initial tag) of {@code scoreType}, else the first type uploaded for it.
     *
     * @throws ApiProblem 400 when there are none, or they do not cover every candidate (the tag
     *     changed since they were uploaded)
     */
    private double[] candidateScores(
            DatasetRecord dataset, TagRecord query, String scoreType, BitSet candidates) {
        TagRecord scored = query != null ? query : initialTagRecord(dataset);
        if (scored == null) {
            throw ApiProblem.badRequest("the dataset has no initial tag to hold scores");
        }
        ScoreRecord record = scores.forSelection(dataset, scored, scoreType);
        double[] byIndex = ScoreService.byIndex(record, Math.toIntExact(dataset.nSamples()));
        double[] out = new double[candidates.cardinality()];
        int k = 0;
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            if (i >= byIndex.length || Double.isNaN(byIndex[i])) {
                throw ApiProblem.badRequest(
                        "scoreType: the scores '"
                                + record.scoreType()
                                + "' of tag '"
                                + scored.name()
                                + "' have no value for sample "
                                + i
                                + " (the tag changed since they were uploaded): upload them"
                                + " again");
            }
            out[k++] = byIndex[i];
        }
        return out;
    }

    /**
     * {@code nSamples}, or {@link #UNLIMITED} for Lightly's {@code -1} ("no count"): allowed with a
     * {@code minDistance} above 0 for CORESET, ACTIVE_LEARNING and CORAL, which then choose until
     * no candidate is as far as it.
     */
    private static int nSamples(SamplingCreateRequest request, String method, double minDistance) {
        SamplingCreateRequest.StoppingCondition stop =
                request.config() == null ? null : request.config().stoppingCondition();
        Integer n = stop == null ? null : stop.nSamples();
        if (n != null && n == -1) {
            if (method.equals(RANDOM) || !(minDistance > 0)) {
                throw ApiProblem.badRequest(
                        "config.stoppingCondition.nSamples -1 (no count) needs"
                                + " config.stoppingCondition.minDistance above 0 and method"
                                + " CORESET, ACTIVE_LEARNING or CORAL, to know when to stop");
            }
            return UNLIMITED;
        }
        if (n == null || n < 1) {
            throw ApiProblem.badRequest(
                    "config.stoppingCondition.nSamples must be a whole number of at least 1, or"
                            + " -1 with a minDistance");
        }
        return n;
    }

    private static double minDistance(SamplingCreateRequest request) {
        SamplingCreateRequest.StoppingCondition stop =
                request.config() == null ? null : request.config().stoppingCondition();
        Double value = stop == null ? null : stop.minDistance();
        if (value != null && (value.isNaN() || value.isInfinite())) {
            throw ApiProblem.badRequest("config.stoppingCondition.minDistance is not a number");
        }
        return value == null ? -1 : value;
    }

    private void requireFree(DatasetRecord dataset, String name) {
        if (tags.findByName(dataset.id(), name).isPresent()) {
            throw ApiProblem.conflict(
                    "TAG_NAME_EXISTS", "a tag named '" + name + "' exists already");
        }
    }

    private TagRecord tag(DatasetRecord dataset, String tagId) {
        return tagId == null ? null : tagService.get(dataset, tagId);
    }

    private TagRecord initialTagRecord(DatasetRecord dataset) {
        return tags.list(dataset.id()).stream().filter(TagRecord::initial).findFirst().orElse(null);
    }

    private String initialTag(DatasetRecord dataset) {
        return tags.list(dataset.id()).stream()
                .filter(TagRecord::initial)
                .map(TagRecord::id)
                .findFirst()
                .orElse(null);
    }

    /** The tag's samples (all samples without one); each must have a row in the embedding. */
    private static BitSet samples(DatasetRecord dataset, EmbeddingRecord embedding, TagRecord tag) {
        BitSet rows;
        if (tag == null) {
            rows = new BitSet();
            rows.set(0, Math.toIntExact(dataset.nSamples()));
        } else {
            rows = BitMask.parse(tag.bitMaskData()).toBitSet();
        }
        if (rows.length() > embedding.rowCount()) {
            throw ApiProblem.badRequest(
                    "embedding '"
                            + embedding.name()
                            + "' has "
                            + embedding.rowCount()
                            + " rows, but "
                            + (tag == null ? "the dataset" : "tag '" + tag.name() + "'")
                            + " holds sample index "
                            + (rows.length() - 1)
                            + ": upload an embedding of all samples");
        }
        return rows;
    }

    private static String firstOf(TagRecord a, TagRecord b, String fallback) {
        return a != null ? a.id() : b != null ? b.id() : fallback;
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Stops the selection thread, interrupting a running job. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
