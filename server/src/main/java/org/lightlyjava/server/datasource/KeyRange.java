package org.lightlyjava.server.datasource;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The keys of one batch as a range in S3's listing order (UTF-8 bytes, which is code point order):
 * from the smallest to the largest, under their common prefix.
 */
final class KeyRange {

    private static final int PAGE = 1000;

    private final Set<String> keys;
    private final String min;
    private final String max;
    private final String common;

    private KeyRange(Set<String> keys, String min, String max) {
        this.keys = keys;
        this.min = min;
        this.max = max;
        this.common = commonPrefix(min, max);
    }

    static KeyRange of(Collection<String> keys) {
        String min = null;
        String max = null;
        for (String key : keys) {
            if (min == null || compare(key, min) < 0) {
                min = key;
            }
            if (max == null || compare(key, max) > 0) {
                max = key;
            }
        }
        return new KeyRange(Set.copyOf(keys), min, max);
    }

    /** A page of the range; the first one starts just before the smallest key. */
    ListObjectsV2Request request(String bucket, String token) {
        ListObjectsV2Request.Builder b =
                ListObjectsV2Request.builder().bucket(bucket).prefix(common).maxKeys(PAGE);
        if (token != null) {
            b.continuationToken(token);
        } else if (min.length() > common.length()) {
            // the key minus its last character sorts before it and after nothing much else
            b.startAfter(min.substring(0, min.length() - 1));
        }
        return b.build();
    }

    boolean contains(String key) {
        return keys.contains(key);
    }

    /** Whether a page reached the largest key: later pages hold none of ours. */
    boolean passed(List<S3Object> page) {
        return !page.isEmpty() && compare(page.get(page.size() - 1).key(), max) >= 0;
    }

    /** Code point order, the order of UTF-8 bytes and so of S3 listings. */
    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static String commonPrefix(String a, String b) {
        int n = 0;
        int limit = Math.min(a.length(), b.length());
        while (n < limit && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        if (n > 0 && Character.isHighSurrogate(a.charAt(n - 1))) {
            n--;
        }
        return a.substring(0, n);
    }
}
