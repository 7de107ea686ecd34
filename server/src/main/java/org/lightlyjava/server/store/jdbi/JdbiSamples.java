package org.lightlyjava.server.store.jdbi;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.lightlyjava.server.store.BatchItem;
import org.lightlyjava.server.store.CapacityException;
import org.lightlyjava.server.store.DuplicateException;
import org.lightlyjava.server.store.NewSample;
import org.lightlyjava.server.store.SampleBlob;
import org.lightlyjava.server.store.SampleChange;
import org.lightlyjava.server.store.SampleField;
import org.lightlyjava.server.store.SamplePage;
import org.lightlyjava.server.store.SampleQuery;
import org.lightlyjava.server.store.SampleRecord;
import org.lightlyjava.server.store.SampleStore;

final class JdbiSamples implements SampleStore {

    private static final String INSERT =
            "INSERT INTO samples (id, dataset_id, idx, file_name, thumb_name, type, exif,"
                    + " meta_data, custom_meta_data, size_in_bytes, has_thumb, has_full,"
                    + " created_at, last_modified_at, sharpness, snr, width, height) VALUES (:id,"
                    + " :datasetId, :idx, :fileName, :thumbName, 'IMAGE', :exif, :metaData,"
                    + " :customMetaData, :sizeInBytes, FALSE, FALSE, :now, :now, :sharpness, :snr,"
                    + " :width, :height)";
    private static final int FETCH_SIZE = 1000;

    private final JdbiStore store;

    JdbiSamples(JdbiStore store) {
        this.store = store;
    }

    @Override
    public List<BatchItem> insertBatch(
            String datasetId, List<NewSample> samples, long maxSamples, long now) {
        if (samples.isEmpty()) {
            return List.of();
        }
        return store.jdbi()
                .inTransaction(
                        h -> {
                            Sql.lockDataset(h, datasetId, now);
                            Map<String, BatchItem> existing = existing(h, datasetId, samples);
                            List<NewSample> fresh = new ArrayList<>();
                            for (NewSample sample : samples) {
                                if (!existing.containsKey(sample.fileName())) {
                                    fresh.add(sample);
                                }
                            }
                            insertFresh(h, datasetId, fresh, maxSamples, now);
                            List<BatchItem> out = new ArrayList<>(samples.size());
                            for (NewSample sample : samples) {
                                BatchItem old = existing.get(sample.fileName());
                                out.add(
                                        old != null
                                                ? old
                                                : new BatchItem(
                                                        sample.id(),
                                                        sample.fileName(),
                                                        true,
                                                        false,
                                                        false));
                            }
                            return out;
                        });
    }

    private static Map<String, BatchItem> existing(
            Handle h, String datasetId, List<NewSample> samples) {
        List<String> names = samples.stream().map(NewSample::fileName).toList();
        Map<String, BatchItem> found = new HashMap<>();
        h.createQuery(
                        "SELECT id, file_name, has_thumb, has_full FROM samples WHERE"
                                + " dataset_id = :datasetId AND file_name IN (<names>)")
                .bind("datasetId", datasetId)
                .bindList("names", names)
                .map(
                        (rs, ctx) ->
                                new BatchItem(
                                        rs.getString("id"),
                                        rs.getString("file_name"),
                                        false,
                                        rs.getBoolean("has_thumb"),
                                        rs.getBoolean("has_full")))
                .forEach(item -> found.put(item.fileName(), item));
        return found;
    }

    private static void insertFresh(
            Handle h, String datasetId, List<NewSample> fresh, long maxSamples, long now) {
        if (fresh.isEmpty()) {
            return;
        }
        long count = Sql.sampleCount(h, datasetId);
        if (count + fresh.size() > maxSamples) {
            throw new CapacityException(
                    "the dataset has "
                            + count
                            + " samples; "
                            + fresh.size()
                            + " more would exceed the maximum of "
                            + maxSamples);
        }
        PreparedBatch batch = h.prepareBatch(INSERT);
        long size = 0;
        for (int i = 0; i < fresh.size(); i++) {
            NewSample sample = fresh.get(i);
            size += sample.sizeInBytes();
            batch.bind("id", sample.id())
                    .bind("fileName", sample.fileName())
                    .bind("thumbName", sample.thumbName())
                    .bind("exif", sample.exif())
                    .bind("metaData", sample.metaData())
                    .bind("customMetaData", sample.customMetaData())
                    .bind("sizeInBytes", sample.sizeInBytes())
                    .bind("datasetId", datasetId)
                    .bind("idx", count + i)
                    .bind("now", now);
            MetaDataColumns.of(sample.metaData()).bind(batch).add();
        }
        batch.execute();
        h.createUpdate(
                        "UPDATE datasets SET n_samples = :n, size_in_bytes = size_in_bytes +"
                                + " :size WHERE id = :id")
                .bind("n", count + fresh.size())
                .bind("size", size)
                .bind("id", datasetId)
                .execute();
    }

    @Override
    public Optional<SampleRecord> find(String datasetId, String sampleId) {
        return store.jdbi()
                .withHandle(
                        h ->
                                h.createQuery(
                                                "SELECT "
                                                        + Rows.SAMPLE_COLUMNS
                                                        + " FROM samples WHERE id = :id AND"
                                                        + " dataset_id = :datasetId")
                                        .bind("id", sampleId)
                                        .bind("datasetId", datasetId)
                                        .map(Rows.SAMPLE)
                                        .findOne());
    }

    @Override
    public void forEach(
            String datasetId,
            String fileName,
            long offset,
            long limit,
            Consumer<SampleRecord> sink) {
        String where = fileName == null ? "" : " AND file_name = :fileName";
        store.streamRead(
                h -> {
                    Query query =
                            h.createQuery(
                                            "SELECT "
                                                    + Rows.SAMPLE_COLUMNS
                                                    + " FROM samples WHERE dataset_id ="
                                                    + " :datasetId"
                                                    + where
                                                    + " ORDER BY idx LIMIT :limit OFFSET :offset")
                                    .bind("datasetId", datasetId)
                                    .bind("limit", limit)
                                    .bind("offset", offset)
                                    .setFetchSize(FETCH_SIZE);
                    if (fileName != null) {
                        query.bind("fileName", fileName);
                    }
                    query.map(Rows.SAMPLE).forEach(sink);
                });
    }

    @Override
    public SamplePage list(String datasetId, SampleQuery query) {
        SampleListings listing = new SampleListings(store.sqlite(), datasetId, query);
        return store.read(h -> listing.list(h, query));
    }

    @Override
    public BitSet matching(String datasetId, List<SampleQuery.Range> filters) {
        SampleQuery query =
                new SampleQuery(SampleField.of(SampleField.Kind.INDEX), false, filters, null, 0, 1);
        SampleListings listing = new SampleListings(store.sqlite(), datasetId, query);
        BitSet out = new BitSet();
        store.streamRead(h -> listing.matching(h, out));
        return out;
    }

    @Override
    public void forEachName(String datasetId, boolean fileNames, Consumer<String> sink) {
        String column = fileNames ? "file_name" : "id";
        store.streamRead(
                h ->
                        h.createQuery(
                                        "SELECT "
                                                + column
                                                + " FROM samples WHERE dataset_id = :datasetId"
                                                + " ORDER BY idx")
                                .bind("datasetId", datasetId)
                                .setFetchSize(FETCH_SIZE)
                                .mapTo(String.class)
                                .forEach(sink));
    }

    @Override
    public boolean update(String datasetId, String sampleId, SampleChange change, long now) {
        try {
            return store.jdbi()
                    .inTransaction(h -> SampleUpdates.apply(h, datasetId, sampleId, change, now));
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new DuplicateException(
                        "a sample with fileName '" + change.fileName() + "' exists already", e);
            }
            throw e;
        }
    }

    @Override
    public boolean markHeld(String datasetId, String sampleId, SampleBlob blob, long now) {
        String column = blob == SampleBlob.THUMBNAIL ? "has_thumb" : "has_full";
        return store.jdbi()
                        .withHandle(
                                h ->
                                        h.createUpdate(
                                                        "UPDATE samples SET "
                                                                + column
                                                                + " = TRUE, last_modified_at ="
                                                                + " :now WHERE id = :id AND"
                                                                + " dataset_id = :datasetId")
                                                .bind("now", now)
                                                .bind("id", sampleId)
                                                .bind("datasetId", datasetId)
                                                .execute())
                > 0;
    }
}
