package org.lightlyjava.server.store.jdbi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;
import org.lightlyjava.server.store.SampleChange;

/** A sample update inside a transaction: the given fields, and the dataset's size with them. */
final class SampleUpdates {

    private SampleUpdates() {}

    static boolean apply(
            Handle h, String datasetId, String sampleId, SampleChange change, long now) {
        Sql.lockDataset(h, datasetId, now);
        Optional<Long> oldSize =
                h.createQuery(
                                "SELECT size_in_bytes FROM samples WHERE id = :id AND dataset_id"
                                        + " = :datasetId")
                        .bind("id", sampleId)
                        .bind("datasetId", datasetId)
                        .mapTo(Long.class)
                        .findOne();
        if (oldSize.isEmpty()) {
            return false;
        }
        List<String> sets = new ArrayList<>();
        sets.add("last_modified_at = :now");
        addIfGiven(sets, change.fileName(), "file_name = :fileName");
        addIfGiven(sets, change.thumbName(), "thumb_name = :thumbName");
        addIfGiven(sets, change.exif(), "exif = :exif");
        addIfGiven(sets, change.metaData(), "meta_data = :metaData");
        addIfGiven(sets, change.customMetaData(), "custom_meta_data = :customMetaData");
        addIfGiven(sets, change.sizeInBytes(), "size_in_bytes = :sizeInBytes");
        addIfGiven(
                sets,
                change.metaData(),
                "sharpness = :sharpness, snr = :snr, width = :width, height = :height");
        Update update =
                h.createUpdate("UPDATE samples SET " + String.join(", ", sets) + " WHERE id = :id")
                        .bindMethods(change)
                        .bind("now", now)
                        .bind("id", sampleId);
        if (change.metaData() != null) {
            MetaDataColumns.of(change.metaData()).bind(update);
        }
        update.execute();
        if (change.sizeInBytes() != null) {
            h.createUpdate(
                            "UPDATE datasets SET size_in_bytes = size_in_bytes + :delta WHERE id"
                                    + " = :id")
                    .bind("delta", change.sizeInBytes() - oldSize.get())
                    .bind("id", datasetId)
                    .execute();
        }
        return true;
    }

    private static void addIfGiven(List<String> sets, Object value, String assignment) {
        if (value != null) {
            sets.add(assignment);
        }
    }
}
