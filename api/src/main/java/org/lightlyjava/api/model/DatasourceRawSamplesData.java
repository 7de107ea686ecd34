package org.lightlyjava.api.model;

import java.util.List;

/**
 * {@code GET .../datasource/list}: one page of the files under the datasource's full path.
 *
 * @param hasMore whether another page follows: ask again with {@code cursor}
 * @param cursor opaque, for the next page
 * @param data file names relative to the full path, with a signed read URL each
 */
public record DatasourceRawSamplesData(boolean hasMore, String cursor, List<Item> data) {

    /** One file. */
    public record Item(String fileName, String readUrl) {}
}
