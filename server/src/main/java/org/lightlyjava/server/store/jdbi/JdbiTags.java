package org.lightlyjava.server.store.jdbi;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.lightlyjava.api.BitMask;
import org.lightlyjava.server.store.DuplicateException;
import org.lightlyjava.server.store.MissingException;
import org.lightlyjava.server.store.TagRecord;
import org.lightlyjava.server.store.TagStore;

final class JdbiTags implements TagStore {

    private static final String SELECT = "SELECT " + Rows.TAG_COLUMNS + " FROM tags";
    private static final String INSERT =
            "INSERT INTO tags ("
                    + Rows.TAG_COLUMNS
                    + ") VALUES (:id, :datasetId, :name, :initial, :prevTagId, :queryTagId,"
                    + " :preselectedTagId, :bitMaskData, :totSize, :creator, :changes, :runId,"
                    + " :createdAt, :lastModifiedAt)";

    private final Jdbi jdbi;

    JdbiTags(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<TagRecord> list(String datasetId) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(SELECT + " WHERE dataset_id = :datasetId ORDER BY id")
                                .bind("datasetId", datasetId)
                                .map(Rows.TAG)
                                .list());
    }

    @Override
    public Optional<TagRecord> find(String datasetId, String tagId) {
        return jdbi.withHandle(h -> find(h, datasetId, tagId));
    }

    private static Optional<TagRecord> find(Handle h, String datasetId, String tagId) {
        return h.createQuery(SELECT + " WHERE dataset_id = :datasetId AND id = :id")
                .bind("datasetId", datasetId)
                .bind("id", tagId)
                .map(Rows.TAG)
                .findOne();
    }

    @Override
    public Optional<TagRecord> findByName(String datasetId, String name) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(SELECT + " WHERE dataset_id = :datasetId AND name = :name")
                                .bind("datasetId", datasetId)
                                .bind("name", name)
                                .map(Rows.TAG)
                                .findOne());
    }

    @Override
    public void insert(TagRecord tag) {
        jdbi.useTransaction(
                h -> {
                    Sql.lockDataset(h, tag.datasetId(), tag.createdAt());
                    insert(h, tag);
                });
    }

    private static void insert(Handle h, TagRecord tag) {
        try {
            h.createUpdate(INSERT).bindMethods(tag).execute();
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new DuplicateException("a tag named '" + tag.name() + "' exists already", e);
            }
            throw e;
        }
    }

    @Override
    public TagRecord createInitial(TagRecord tag, String imgType) {
        return jdbi.inTransaction(
                h -> {
                    Sql.lockDataset(h, tag.datasetId(), tag.createdAt());
                    Optional<TagRecord> initial = initial(h, tag.datasetId());
                    if (initial.isPresent()) {
                        throw new DuplicateException(
                                "the dataset has an initial tag: '" + initial.get().name() + "'");
                    }
                    long n = Sql.sampleCount(h, tag.datasetId());
                    TagRecord full = withMask(tag, BitMask.all(Math.toIntExact(n)), n, null);
                    insert(h, full);
                    h.createUpdate("UPDATE datasets SET img_type = :imgType WHERE id = :id")
                            .bind("imgType", imgType)
                            .bind("id", tag.datasetId())
                            .execute();
                    return full;
                });
    }

    @Override
    public TagRecord upsize(TagRecord upsizeTag) {
        return jdbi.inTransaction(
                h -> {
                    String datasetId = upsizeTag.datasetId();
                    long now = upsizeTag.createdAt();
                    Sql.lockDataset(h, datasetId, now);
                    TagRecord initial =
                            initial(h, datasetId)
                                    .orElseThrow(
                                            () ->
                                                    new MissingException(
                                                            "the dataset has no initial tag to"
                                                                    + " upsize; create it first"
                                                                    + " (POST tags/initial)"));
                    long n = Sql.sampleCount(h, datasetId);
                    BitMask all = BitMask.all(Math.toIntExact(n));
                    BitMask added = all.difference(BitMask.parse(initial.bitMaskData()));
                    TagRecord created = withMask(upsizeTag, added, n, initial.id());
                    insert(h, created);
                    h.createUpdate(
                                    "UPDATE tags SET tot_size = :n, last_modified_at = :now WHERE"
                                            + " dataset_id = :datasetId")
                            .bind("n", n)
                            .bind("now", now)
                            .bind("datasetId", datasetId)
                            .execute();
                    h.createUpdate("UPDATE tags SET bit_mask_data = :mask WHERE id = :id")
                            .bind("mask", all.toString())
                            .bind("id", initial.id())
                            .execute();
                    return created;
                });
    }

    private static Optional<TagRecord> initial(Handle h, String datasetId) {
        return h.createQuery(SELECT + " WHERE dataset_id = :datasetId AND is_initial = :initial")
                .bind("datasetId", datasetId)
                .bind("initial", true)
                .map(Rows.TAG)
                .findFirst();
    }

    private static TagRecord withMask(TagRecord tag, BitMask mask, long n, String prevTagId) {
        return new TagRecord(
                tag.id(),
                tag.datasetId(),
                tag.name(),
                tag.initial(),
                prevTagId,
                tag.queryTagId(),
                tag.preselectedTagId(),
                mask.toString(),
                n,
                tag.creator(),
                tag.changes(),
                tag.runId(),
                tag.createdAt(),
                tag.lastModifiedAt());
    }

    @Override
    public boolean delete(String datasetId, String tagId) {
        return jdbi.inTransaction(
                h -> {
                    Optional<TagRecord> tag = find(h, datasetId, tagId);
                    if (tag.isEmpty()) {
                        return false;
                    }
                    h.createUpdate(
                                    "UPDATE tags SET prev_tag_id = :parent WHERE dataset_id ="
                                            + " :datasetId AND prev_tag_id = :id")
                            .bind("parent", tag.get().prevTagId())
                            .bind("datasetId", datasetId)
                            .bind("id", tagId)
                            .execute();
                    h.createUpdate("DELETE FROM tags WHERE id = :id").bind("id", tagId).execute();
                    return true;
                });
    }
}
