package org.lightlyjava.server.datasource;

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
    static String common(java.util.Collection<String> names) {
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
}
