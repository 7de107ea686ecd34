package org.lightlyjava.server.datasource;

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

    /** A URL that answers GET with the file's bytes. */
    String readUrl(String base, String path);

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
