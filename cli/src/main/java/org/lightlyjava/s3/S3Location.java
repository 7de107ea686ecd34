package org.lightlyjava.s3;

import org.lightlyjava.dataset.DatasetException;

/**
 * A bucket and a key prefix, parsed from {@code s3://bucket/prefix/}.
 *
 * @param bucket the bucket name
 * @param prefix {@code ""} for the whole bucket, else the key prefix ending with {@code /} (a
 *     missing slash is added, as {@code aws s3 sync} treats the prefix as a folder)
 */
record S3Location(String bucket, String prefix) {

    static final String SCHEME = "s3://";

    /** Whether {@code input} names an S3 location rather than a local folder. */
    static boolean isS3(String input) {
        return input.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /**
     * Parses {@code s3://bucket[/prefix]}.
     *
     * @throws DatasetException when there is no bucket name
     */
    static S3Location parse(String uri) {
        if (!isS3(uri)) {
            throw new DatasetException("not an S3 location: " + uri);
        }
        String rest = uri.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isEmpty()) {
            throw new DatasetException("'" + uri + "' names no bucket: write s3://bucket/prefix/");
        }
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        return new S3Location(bucket, prefix);
    }

    /** The key of a file name relative to the prefix. */
    String key(String relative) {
        return prefix + relative;
    }

    /** {@code s3://bucket/prefix/relative}: the full path of a sample. */
    String uri(String relative) {
        return SCHEME + bucket + "/" + prefix + relative;
    }

    @Override
    public String toString() {
        return uri("");
    }
}
