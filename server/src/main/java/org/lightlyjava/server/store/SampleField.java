package org.lightlyjava.server.store;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A field a listing of samples sorts or filters by: one of the sample's own values, or a number in
 * its custom metadata at a path of object keys.
 *
 * @param kind which value
 * @param path for {@link Kind#CUSTOM}, the keys from the top of {@code customMetaData} down; empty
 *     otherwise
 */
public record SampleField(Kind kind, List<String> path) {

    /** The longest custom path. */
    public static final int MAX_DEPTH = 8;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** What a field names. */
    public enum Kind {
        /** The creation order. */
        INDEX,
        FILE_NAME,
        /** {@code metaData.sizeInBytes}. */
        SIZE_IN_BYTES,
        /** {@code metaData.sharpness}. */
        SHARPNESS,
        /** {@code metaData.snr}. */
        SNR,
        /** {@code metaData.shape[1]}. */
        WIDTH,
        /** {@code metaData.shape[0]}. */
        HEIGHT,
        /** A number in {@code customMetaData}. */
        CUSTOM
    }

    public SampleField {
        path = List.copyOf(path);
        if ((kind == Kind.CUSTOM) == path.isEmpty() || path.size() > MAX_DEPTH) {
            throw new IllegalArgumentException("a custom field has 1 to 8 keys, others none");
        }
        for (String key : path) {
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("not a custom metadata key: " + key);
            }
        }
    }

    public static SampleField of(Kind kind) {
        return new SampleField(kind, List.of());
    }

    public static SampleField custom(List<String> path) {
        return new SampleField(Kind.CUSTOM, path);
    }

    /** Whether the value is a number (every field but the file name). */
    public boolean numeric() {
        return kind != Kind.FILE_NAME;
    }
}
