package org.lightlyjava.server.datasource;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An S3 full path, {@code s3://bucket/prefix/}: the bucket and the key prefix (empty, or ending in
 * {@code /}).
 */
public record S3Location(String bucket, String prefix) {

    private static final Pattern PATH = Pattern.compile("s3://([^/]+)(?:/(.*))?");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    /**
     * Parses and normalises a full path ({@code s3://bucket}, {@code s3://bucket/prefix} and {@code
     * s3://bucket/prefix/} all name the folder {@code prefix/}).
     *
     * @throws DatasourceException INVALID naming {@code fullPath}
     */
    public static S3Location parse(String fullPath) {
        Matcher m = fullPath == null ? null : PATH.matcher(fullPath);
        if (m == null || !m.matches()) {
            throw DatasourceException.invalid(
                    "fullPath must look like s3://bucket/prefix/, got '"
                            + RelativePaths.shorten(fullPath)
                            + "'");
        }
        String bucket = m.group(1);
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw DatasourceException.invalid(
                    "fullPath: '"
                            + RelativePaths.shorten(bucket)
                            + "' is not a bucket name (3 to 63 of a-z, 0-9, '.' and '-')");
        }
        String prefix = m.group(2) == null ? "" : m.group(2);
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix += "/";
        }
        if (!prefix.isEmpty()) {
            RelativePaths.check(prefix.substring(0, prefix.length() - 1), "fullPath", false);
        }
        return new S3Location(bucket, prefix);
    }

    /** {@code s3://bucket/prefix/}. */
    public String fullPath() {
        return "s3://" + bucket + "/" + prefix;
    }

    /** The object key of a path relative to the prefix. */
    public String key(String path) {
        return prefix + path;
    }
}
