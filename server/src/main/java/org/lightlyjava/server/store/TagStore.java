package org.lightlyjava.server.store;

import java.util.List;
import java.util.Optional;

/** The tags of a dataset. */
public interface TagStore {

    /** Tags in creation order. */
    List<TagRecord> list(String datasetId);

    Optional<TagRecord> find(String datasetId, String tagId);

    Optional<TagRecord> findByName(String datasetId, String name);

    /**
     * Inserts a tag as given.
     *
     * @throws DuplicateException when the name is taken
     */
    void insert(TagRecord tag);

    /**
     * Creates the initial tag: all current samples, {@code prevTagId} null; sets the dataset's
     * {@code imgType}. The given record's bitmask and size are replaced by the current samples.
     *
     * @throws DuplicateException when the dataset has an initial tag (the message says which)
     */
    TagRecord createInitial(TagRecord tag, String imgType);

    /**
     * Upsizes: every tag's {@code totSize} becomes the current sample count, the initial tag
     * selects all samples, and {@code upsizeTag} is inserted holding the samples that were not in
     * the initial tag (its bitmask, size and {@code prevTagId} are filled in here).
     *
     * @throws MissingException when there is no initial tag
     * @throws DuplicateException when the upsize tag's name is taken
     */
    TagRecord upsize(TagRecord upsizeTag);

    /** Deletes a tag; tags that pointed to it as parent point to its parent. */
    boolean delete(String datasetId, String tagId);
}
