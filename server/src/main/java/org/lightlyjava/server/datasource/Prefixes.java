package org.lightlyjava.server.datasource;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/** Key prefixes of bucket-like stores: a folder under the bucket or container. */
final class Prefixes {

    private Prefixes() {}

    /**
     * The prefix of a full path's folder part: empty, or a checked relative path ending in {@code
     * /}.
     *
     * @throws DatasourceException INVALID naming {@code fullPath}
     */
    static String folder(String path) {
        String prefix = path == null ? "" : path;
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix += "/";
        }
        if (!prefix.isEmpty()) {
            RelativePaths.check(prefix.substring(0, prefix.length() - 1), "fullPath", false);
        }
        return prefix;
    }

    /** The longest prefix all the names share. */
    static String common(Collection<String> names) {
        String common = null;
        for (String name : names) {
            if (common == null) {
                common = name;
                continue;
            }
            int n = 0;
            while (n < common.length() && n < name.length() && common.charAt(n) == name.charAt(n)) {
                n++;
            }
            common = common.substring(0, n);
        }
        return common == null ? "" : common;
    }

    /**
     * One page of a listing: the full names on it, and the next page's token (null or empty: none).
     */
    record Listed(List<String> names, String next) {}

    /**
     * Which of the wanted full names exist, found by listing under their common prefix: one call
     * for a batch whose names sort together. Past {@code maxPages} pages, or when listing fails
     * ({@code failed} is told), the rest count as absent.
     *
     * @param page one page under a prefix from a token (null: the first)
     * @return the names found, relative to {@code prefix}
     */
    static Set<String> existing(
            Set<String> wanted,
            String prefix,
            int maxPages,
            BiFunction<String, String, Listed> page,
            Consumer<RuntimeException> failed) {
        Set<String> found = new HashSet<>();
        if (wanted.isEmpty()) {
            return found;
        }
        String common = common(wanted);
        try {
            String token = null;
            for (int i = 0; i < maxPages; i++) {
                Listed listed = page.apply(common, token);
                for (String name : listed.names()) {
                    if (wanted.contains(name)) {
                        found.add(name.substring(prefix.length()));
                    }
                }
                token = listed.next();
                if (token == null || token.isEmpty() || found.size() == wanted.size()) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            failed.accept(e);
        }
        return found;
    }
}
