package org.lightlyjava.server.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.lightlyjava.server.store.SampleField;
import org.lightlyjava.server.store.SampleQuery;

/**
 * The parameters of lightly-java's sample listing, as the web page sends them: {@code sort} a field
 * name ({@code index}, {@code fileName}, {@code sizeInBytes}, {@code sharpness}, {@code snr},
 * {@code width}, {@code height}, or {@code custom.<key>.<key>...} for a number in the custom
 * metadata), {@code order} {@code asc} or {@code desc}, {@code filter} {@code <field>:<min>:<max>}
 * (either bound may be empty), {@code offset} and {@code limit} (at most {@value #MAX_LIMIT}).
 */
public final class SampleListing {

    public static final int MAX_LIMIT = 500;
    public static final int DEFAULT_LIMIT = 100;

    private static final Map<String, SampleField.Kind> NAMES =
            Map.of(
                    "index", SampleField.Kind.INDEX,
                    "fileName", SampleField.Kind.FILE_NAME,
                    "sizeInBytes", SampleField.Kind.SIZE_IN_BYTES,
                    "sharpness", SampleField.Kind.SHARPNESS,
                    "snr", SampleField.Kind.SNR,
                    "width", SampleField.Kind.WIDTH,
                    "height", SampleField.Kind.HEIGHT);
    private static final String CUSTOM = "custom.";

    private SampleListing() {}

    /**
     * The query these parameters ask for.
     *
     * @param tag the samples of a tag, or null for all
     * @throws ApiProblem 400 for a parameter that is not understood
     */
    public static SampleQuery query(
            String sort, String order, List<String> filters, BitSet tag, long offset, long limit) {
        SampleField field =
                sort == null || sort.isEmpty()
                        ? SampleField.of(SampleField.Kind.INDEX)
                        : field(sort);
        boolean descending;
        if (order == null || order.isEmpty() || order.equals("asc")) {
            descending = false;
        } else if (order.equals("desc")) {
            descending = true;
        } else {
            throw ApiProblem.badRequest("order must be asc or desc, got '" + order + "'");
        }
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.badRequest("offset must be 0 or more and limit 1 to " + MAX_LIMIT);
        }
        List<SampleQuery.Range> ranges = new ArrayList<>();
        for (String filter : filters) {
            ranges.add(range(filter));
        }
        return new SampleQuery(field, descending, ranges, tag, offset, (int) limit);
    }

    /** A field by its name in the listing's parameters. */
    static SampleField field(String name) {
        SampleField.Kind kind = NAMES.get(name);
        if (kind != null) {
            return SampleField.of(kind);
        }
        if (name.startsWith(CUSTOM)) {
            List<String> path = Arrays.asList(name.substring(CUSTOM.length()).split("\\.", -1));
            try {
                return SampleField.custom(path);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest(
                        "custom fields are custom.<key>.<key>... with up to "
                                + SampleField.MAX_DEPTH
                                + " keys of letters, digits, _ and -: '"
                                + Ids.shorten(name)
                                + "'");
            }
        }
        throw ApiProblem.badRequest(
                "unknown field '"
                        + Ids.shorten(name)
                        + "': use one of "
                        + NAMES.keySet().stream().sorted().toList()
                        + " or custom.<key>");
    }

    private static SampleQuery.Range range(String filter) {
        int last = filter.lastIndexOf(':');
        int first = last < 0 ? -1 : filter.lastIndexOf(':', last - 1);
        if (first < 0) {
            throw ApiProblem.badRequest(
                    "filter must be <field>:<min>:<max>, got '" + Ids.shorten(filter) + "'");
        }
        SampleField field = field(filter.substring(0, first));
        if (!field.numeric()) {
            throw ApiProblem.badRequest("only numeric fields can be filtered by a range");
        }
        return new SampleQuery.Range(
                field, bound(filter.substring(first + 1, last)), bound(filter.substring(last + 1)));
    }

    private static Double bound(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badRequest("a filter bound must be a number, got '" + text + "'");
    }
}
