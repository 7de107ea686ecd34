package org.lightlyjava.server.store;

import java.util.BitSet;
import java.util.List;

/**
 * A page of a dataset's samples, sorted and filtered. Samples without a value for the sort field or
 * a filtered field are left out. Ties are broken by creation order, in the same direction.
 *
 * @param sort the field to sort by
 * @param descending largest first
 * @param filters all must hold
 * @param tag only the samples whose indices are set, or null for all
 * @param offset samples to skip
 * @param limit most samples to return
 */
public record SampleQuery(
        SampleField sort,
        boolean descending,
        List<Range> filters,
        BitSet tag,
        long offset,
        int limit) {

    public SampleQuery {
        filters = List.copyOf(filters);
        tag = tag == null ? null : (BitSet) tag.clone();
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset >= 0 and limit >= 1");
        }
    }

    /** A numeric field between {@code min} and {@code max} (inclusive; null: open). */
    public record Range(SampleField field, Double min, Double max) {

        public Range {
            if (!field.numeric()) {
                throw new IllegalArgumentException("only numeric fields have ranges");
            }
        }
    }

    @Override
    public BitSet tag() {
        return tag == null ? null : (BitSet) tag.clone();
    }
}
