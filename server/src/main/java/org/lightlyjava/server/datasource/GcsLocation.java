package org.lightlyjava.server.datasource;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GCS full path, {@code gs://bucket/prefix/} (Lightly's form; {@code bucket/prefix/} is accepted
 * too): the bucket and the object name prefix (empty, or ending in {@code /}).
 */
record GcsLocation(String bucket, String prefix) {

    private static final Pattern PATH = Pattern.compile("(?:gs://)?([^/]+)(?:/(.*))?");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]");

    /**
     * Parses and normalises a full path.
     *
     * @throws DatasourceException INVALID naming {@code fullPath}
     */
    static GcsLocation parse(String fullPath) {
        Matcher m = fullPath == null ? null : PATH.matcher(fullPath);
        if (m == null
                || !m.matches()
                || fullPath.contains("://") && !fullPath.startsWith("gs://")) {
            throw DatasourceException.invalid(
                    "fullPath must look like gs://bucket/path/ for GCS, got '"
                            + RelativePaths.shorten(fullPath)
                            + "'");
        }
        String bucket = m.group(1);
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw DatasourceException.invalid(
                    "fullPath: '"
                            + RelativePaths.shorten(bucket)
                            + "' is not a bucket name (3 to 222 of a-z, 0-9, '.', '_' and '-')");
        }
        return new GcsLocation(bucket, Prefixes.folder(m.group(2)));
    }

    /** {@code gs://bucket/prefix/}. */
    String fullPath() {
        return "gs://" + bucket + "/" + prefix;
    }

    /** The object name of a path relative to the prefix. */
    String object(String path) {
        return prefix + path;
    }
}
