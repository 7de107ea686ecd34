package org.lightlyjava.server.store.jdbi;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.lightlyjava.server.store.SampleField;
import org.lightlyjava.server.store.SamplePage;
import org.lightlyjava.server.store.SampleQuery;
import org.lightlyjava.server.store.SampleSummary;

/**
 * The SQL of {@link SampleQuery}: the dataset's rows that have the sort field's value and pass the
 * filters, in the field's order, then creation order. Without a tag, the database pages ({@code
 * LIMIT/OFFSET}, served by the per-dataset indices of {@link SampleMetricsMigration}); with a tag,
 * the page's indices are picked from the tag's bits (while streaming only {@code idx} when sorted
 * by another field) and their rows read by index.
 */
final class SampleListings {

    private static final String SUMMARY =
            "id, idx, file_name, size_in_bytes, sharpness, snr, width, height";
    private static final int FETCH_SIZE = 2000;

    private static final RowMapper<SampleSummary> ROW =
            (rs, ctx) ->
                    new SampleSummary(
                            rs.getString("id"),
                            rs.getLong("idx"),
                            rs.getString("file_name"),
                            rs.getLong("size_in_bytes"),
                            Sql.nullableDouble(rs, "sharpness"),
                            Sql.nullableDouble(rs, "snr"),
                            Sql.nullableInt(rs, "width"),
                            Sql.nullableInt(rs, "height"),
                            Sql.nullableDouble(rs, "value"));

    private final boolean sqlite;
    private final Map<String, Object> binds = new HashMap<>();
    private final String where;
    private final String order;
    private final String value;

    SampleListings(boolean sqlite, String datasetId, SampleQuery query) {
        this.sqlite = sqlite;
        binds.put("datasetId", datasetId);
        String direction = query.descending() ? " DESC" : " ASC";
        SampleField sort = query.sort();
        String sortExpression = expression(sort, "s");
        StringBuilder conditions = new StringBuilder("dataset_id = :datasetId");
        if (sort.kind() == SampleField.Kind.INDEX) {
            order = "idx" + direction;
        } else {
            order = sortExpression + direction + ", idx" + direction;
            conditions.append(" AND ").append(sortExpression).append(" IS NOT NULL");
        }
        List<SampleQuery.Range> filters = query.filters();
        for (int i = 0; i < filters.size(); i++) {
            conditions.append(range(filters.get(i), "f" + i));
        }
        where = conditions.toString();
        value = sort.kind() == SampleField.Kind.CUSTOM ? sortExpression : "NULL";
    }

    SamplePage list(Handle h, SampleQuery query) {
        BitSet tag = query.tag();
        if (tag == null) {
            long total =
                    h.createQuery("SELECT COUNT(*) FROM samples WHERE " + where)
                            .bindMap(binds)
                            .mapTo(Long.class)
                            .one();
            List<SampleSummary> rows =
                    h.createQuery(
                                    select()
                                            + " WHERE "
                                            + where
                                            + " ORDER BY "
                                            + order
                                            + " LIMIT :limit OFFSET :offset")
                            .bindMap(binds)
                            .bind("limit", query.limit())
                            .bind("offset", query.offset())
                            .map(ROW)
                            .list();
            return new SamplePage(total, rows);
        }
        boolean inCreationOrder =
                query.sort().kind() == SampleField.Kind.INDEX && query.filters().isEmpty();
        Picked picked =
                inCreationOrder ? pickFromBits(tag, query) : pickWhileStreaming(h, tag, query);
        return new SamplePage(picked.total, rows(h, picked.indices));
    }

    /** Sets the index of every sample that passes the filters. */
    void matching(Handle h, BitSet out) {
        h.createQuery("SELECT idx FROM samples WHERE " + where)
                .bindMap(binds)
                .setFetchSize(FETCH_SIZE)
                .mapTo(Long.class)
                .forEach(
                        idx -> {
                            if (idx <= Integer.MAX_VALUE) {
                                out.set(idx.intValue());
                            }
                        });
    }

    private String select() {
        return "SELECT " + SUMMARY + ", " + value + " AS value FROM samples";
    }

    /** The indices of a page, and how many samples the whole listing has. */
    private record Picked(long total, List<Long> indices) {}

    private static Picked pickFromBits(BitSet tag, SampleQuery query) {
        List<Long> indices = new ArrayList<>();
        long skip = query.offset();
        int i = query.descending() ? tag.previousSetBit(tag.length() - 1) : tag.nextSetBit(0);
        while (i >= 0 && indices.size() < query.limit()) {
            if (skip > 0) {
                skip--;
            } else {
                indices.add((long) i);
            }
            i = query.descending() ? tag.previousSetBit(i - 1) : tag.nextSetBit(i + 1);
        }
        return new Picked(tag.cardinality(), indices);
    }

    private Picked pickWhileStreaming(Handle h, BitSet tag, SampleQuery query) {
        List<Long> indices = new ArrayList<>();
        long[] seen = {0};
        long from = query.offset();
        long to = from + query.limit();
        h.createQuery("SELECT idx FROM samples WHERE " + where + " ORDER BY " + order)
                .bindMap(binds)
                .setFetchSize(FETCH_SIZE)
                .mapTo(Long.class)
                .forEach(
                        idx -> {
                            if (idx <= Integer.MAX_VALUE && tag.get(idx.intValue())) {
                                if (seen[0] >= from && seen[0] < to) {
                                    indices.add(idx);
                                }
                                seen[0]++;
                            }
                        });
        return new Picked(seen[0], indices);
    }

    /** The rows of these indices, in this order. */
    private List<SampleSummary> rows(Handle h, List<Long> indices) {
        if (indices.isEmpty()) {
            return List.of();
        }
        Map<Long, SampleSummary> byIndex = new HashMap<>();
        h.createQuery(select() + " WHERE dataset_id = :datasetId AND idx IN (<indices>)")
                .bindMap(binds)
                .bindList("indices", indices)
                .map(ROW)
                .forEach(row -> byIndex.put(row.index(), row));
        List<SampleSummary> out = new ArrayList<>(indices.size());
        for (Long index : indices) {
            SampleSummary row = byIndex.get(index);
            if (row != null) {
                out.add(row);
            }
        }
        return out;
    }

    private String range(SampleQuery.Range range, String name) {
        String expression = expression(range.field(), name);
        StringBuilder sql = new StringBuilder();
        if (range.min() != null) {
            sql.append(" AND ").append(expression).append(" >= :").append(name).append("min");
            binds.put(name + "min", range.min());
        }
        if (range.max() != null) {
            sql.append(" AND ").append(expression).append(" <= :").append(name).append("max");
            binds.put(name + "max", range.max());
        }
        if (sql.length() == 0) {
            sql.append(" AND ").append(expression).append(" IS NOT NULL");
        }
        return sql.toString();
    }

    /** The field as SQL; a custom path is bound as {@code :<name>path}. */
    private String expression(SampleField field, String name) {
        return switch (field.kind()) {
            case INDEX -> "idx";
            // Code point order on both: SQLite compares UTF-8 bytes; PostgreSQL would follow the
            // database's collation.
            case FILE_NAME -> sqlite ? "file_name" : "file_name COLLATE \"C\"";
            case SIZE_IN_BYTES -> "size_in_bytes";
            case SHARPNESS -> "sharpness";
            case SNR -> "snr";
            case WIDTH -> "width";
            case HEIGHT -> "height";
            case CUSTOM -> custom(field.path(), name + "path");
        };
    }

    /** A number at a path of {@code customMetaData}, else NULL; each vendor's JSON functions. */
    private String custom(List<String> path, String parameter) {
        if (sqlite) {
            binds.put(parameter, "$.\"" + String.join("\".\"", path) + "\"");
            return "(CASE WHEN json_type(custom_meta_data, :"
                    + parameter
                    + ") IN ('integer', 'real') THEN json_extract(custom_meta_data, :"
                    + parameter
                    + ") END)";
        }
        binds.put(parameter, "{" + String.join(",", path) + "}");
        String json = "CAST(custom_meta_data AS jsonb)";
        String at = " CAST(:" + parameter + " AS text[])";
        return "(CASE WHEN jsonb_typeof("
                + json
                + " #>"
                + at
                + ") = 'number' THEN CAST("
                + json
                + " #>>"
                + at
                + " AS DOUBLE PRECISION) END)";
    }
}
