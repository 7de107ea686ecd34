package org.lightlyjava.server.datasource;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import org.lightlyjava.api.model.DatasourceConfigVerifyData;

/**
 * An opened datasource: a bucket prefix or a local folder. Paths are relative to its full path
 * (checked with {@link RelativePaths}); URLs let a client read or write one file without
 * credentials for a while.
 */
public interface Datasource {

    /** Lists, reads, writes and overwrites a probe object with the stored credentials. */
    DatasourceConfigVerifyData verify();

    /**
     * One page of the files under the full path, without {@code .lightly/}, in key order.
     *
     * @param position where to go on, or null for the start
     * @param from only files modified at or after (Unix seconds)
     * @param to only files modified at or before (Unix seconds)
     */
    ListPage list(ListPage.Position position, long from, long to, int pageSize);

    /**
     * Where a listing goes on after the file {@code name} (relative to the full path): the cursor
     * of a last page, so that it can be asked again for files added later.
     */
    default ListPage.Position after(String name) {
        return new ListPage.Position(null, name);
    }

    /**
     * One page of the files under a folder of the datasource, such as {@code .lightly/metadata/},
     * named relative to that folder, in key order; an absent folder has no files.
     *
     * @param folder relative to the full path, ending in {@code /}
     * @throws DatasourceException INVALID where this kind of datasource cannot list a folder
     */
    default ListPage listFolder(
            String folder, ListPage.Position position, long from, long to, int pageSize) {
        throw DatasourceException.invalid(
                "this kind of datasource cannot list " + folder + " on lightly-server");
    }

    /** A URL that answers GET with the file's bytes. */
    String readUrl(String base, String path);

    /**
     * A URL that answers GET with the file's bytes for {@code ttl}; a datasource that cannot choose
     * the lifetime of its URLs answers {@link #readUrl(String, String)}'s.
     */
    default String readUrl(String base, String path, Duration ttl) {
        return readUrl(base, path);
    }

    /** A URL that accepts one PUT of the file's bytes, without a Content-Type. */
    String writeUrl(String base, String path);

    /** Which of these paths exist now (a best effort: absent when unsure). */
    Set<String> existing(Collection<String> paths);

    /**
     * Why the file at {@code path} cannot be read with the stored credentials (for a person: the
     * storage's own reason and the key), or null when it can, or when this datasource cannot tell.
     */
    default String unreadable(String path) {
        return null;
    }
}
