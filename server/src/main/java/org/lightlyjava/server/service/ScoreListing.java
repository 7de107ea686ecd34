package org.lightlyjava.server.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lightlyjava.server.store.DatasetRecord;
import org.lightlyjava.server.store.SampleField;
import org.lightlyjava.server.store.SamplePage;
import org.lightlyjava.server.store.SampleQuery;
import org.lightlyjava.server.store.SampleStore;
import org.lightlyjava.server.store.SampleSummary;

/**
 * The web page's listing with active-learning scores as fields: {@code sort=score.<scoreId>} and
 * {@code filter=score.<scoreId>:<min>:<max>}, beside the fields of {@link SampleListing}. Scores
 * are a blob per tag, not a column, so their part is done here: score filters narrow the samples
 * before the database applies the other filters; a score sort orders the remaining samples by value
 * (ties by creation order in the same direction) and reads only the page's rows. Samples without a
 * value (outside the scored tag) are left out and not counted.
 */
public final class ScoreListing {

    static final String PREFIX = "score.";

    private final SampleStore samples;
    private final ScoreService scores;

    ScoreListing(SampleStore samples, ScoreService scores) {
        this.samples = samples;
        this.scores = scores;
    }

    /** Whether the listing's sort or a filter names a score. */
    public static boolean involved(String sort, List<String> filters) {
        return (sort != null && sort.startsWith(PREFIX))
                || filters.stream().anyMatch(f -> f.startsWith(PREFIX));
    }

    /**
     * A page of the listing; parameters as in {@link SampleListing#query}.
     *
     * @throws ApiProblem 400 for a parameter that is not understood, 404 for an unknown score
     */
    public SamplePage list(
            DatasetRecord dataset,
            String sort,
            String order,
            List<String> filters,
            BitSet tag,
            long offset,
            long limit) {
        int n = Math.toIntExact(dataset.nSamples());
        BitSet allowed = tag == null ? all(n) : (BitSet) tag.clone();
        Map<String, double[]> values = new HashMap<>();
        List<String> plain = new ArrayList<>();
        for (String filter : filters) {
            if (!filter.startsWith(PREFIX)) {
                plain.add(filter);
                continue;
            }
            int last = filter.lastIndexOf(':');
            int first = last < 0 ? -1 : filter.lastIndexOf(':', last - 1);
            if (first < 0) {
                throw ApiProblem.badRequest(
                        "filter must be <field>:<min>:<max>, got '" + Ids.shorten(filter) + "'");
            }
            double[] v = values(dataset, filter.substring(0, first), values);
            double min = bound(filter.substring(first + 1, last), Double.NEGATIVE_INFINITY);
            double max = bound(filter.substring(last + 1), Double.POSITIVE_INFINITY);
            for (int i = allowed.nextSetBit(0); i >= 0; i = allowed.nextSetBit(i + 1)) {
                if (!(v[i] >= min && v[i] <= max)) {
                    allowed.clear(i);
                }
            }
        }
        if (sort == null || !sort.startsWith(PREFIX)) {
            return samples.list(
                    dataset.id(), SampleListing.query(sort, order, plain, allowed, offset, limit));
        }
        SampleQuery checked = SampleListing.query(null, order, plain, null, offset, limit);
        double[] v = values(dataset, sort, values);
        if (!checked.filters().isEmpty()) {
            allowed.and(samples.matching(dataset.id(), checked.filters()));
        }
        return sortedByScore(dataset, v, allowed, checked);
    }

    private SamplePage sortedByScore(
            DatasetRecord dataset, double[] v, BitSet allowed, SampleQuery checked) {
        Integer[] order =
                allowed.stream().filter(i -> !Double.isNaN(v[i])).boxed().toArray(Integer[]::new);
        Comparator<Integer> byValue =
                Comparator.<Integer>comparingDouble(i -> v[i]).thenComparingInt(i -> i);
        Arrays.sort(order, checked.descending() ? byValue.reversed() : byValue);
        int from = (int) Math.min(order.length, checked.offset());
        int to = (int) Math.min(order.length, from + (long) checked.limit());
        BitSet page = new BitSet();
        for (int k = from; k < to; k++) {
            page.set(order[k]);
        }
        Map<Long, SampleSummary> rows = new HashMap<>();
        if (!page.isEmpty()) {
            SampleQuery read =
                    new SampleQuery(
                            SampleField.of(SampleField.Kind.INDEX),
                            false,
                            List.of(),
                            page,
                            0,
                            page.cardinality());
            for (SampleSummary r : samples.list(dataset.id(), read).samples()) {
                rows.put(r.index(), r);
            }
        }
        List<SampleSummary> out = new ArrayList<>(to - from);
        for (int k = from; k < to; k++) {
            SampleSummary r = rows.get((long) order[k]);
            if (r != null) {
                out.add(
                        new SampleSummary(
                                r.id(),
                                r.index(),
                                r.fileName(),
                                r.sizeInBytes(),
                                r.sharpness(),
                                r.snr(),
                                r.width(),
                                r.height(),
                                v[order[k]]));
            }
        }
        return new SamplePage(order.length, out);
    }

    /** Sample index → score (NaN: none) of {@code score.<scoreId>}, read once per request. */
    private double[] values(DatasetRecord dataset, String field, Map<String, double[]> cache) {
        String id = field.substring(PREFIX.length());
        if (!Ids.isValid(id)) {
            throw ApiProblem.badRequest(
                    "score fields are score.<scoreId> (24 hex characters), got '"
                            + Ids.shorten(field)
                            + "'");
        }
        return cache.computeIfAbsent(
                id,
                k ->
                        ScoreService.byIndex(
                                scores.find(dataset, k), Math.toIntExact(dataset.nSamples())));
    }

    private static BitSet all(int n) {
        BitSet bits = new BitSet(n);
        bits.set(0, n);
        return bits;
    }

    private static double bound(String text, double open) {
        if (text.isEmpty()) {
            return open;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badRequest(
                "a filter bound must be a number, got '" + Ids.shorten(text) + "'");
    }
}
