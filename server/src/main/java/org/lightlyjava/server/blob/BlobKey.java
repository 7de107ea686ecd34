package org.lightlyjava.server.blob;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names one blob: {@code <datasetId>/thumbnail/<sampleId>}, {@code <datasetId>/full/<sampleId>} or
 * {@code <datasetId>/embeddings/<embeddingId>.csv}. This text is what a signed URL carries and
 * signs; ids are 24 lowercase hex characters, so a key never names a path outside its folder.
 */
public record BlobKey(String datasetId, Kind kind, String id) {

    private static final Pattern PATTERN =
            Pattern.compile(
                    "([a-f0-9]{24})/(?:(thumbnail|full)/([a-f0-9]{24})|embeddings/([a-f0-9]{24})"
                            + "\\.csv)");

    /** What the blob is. */
    public enum Kind {
        /** A sample's thumbnail. */
        THUMBNAIL,
        /** A sample's image file. */
        FULL,
        /** An embedding's CSV, in the dataset's creation order. */
        EMBEDDINGS_CSV
    }

    public static BlobKey thumbnail(String datasetId, String sampleId) {
        return new BlobKey(datasetId, Kind.THUMBNAIL, sampleId);
    }

    public static BlobKey full(String datasetId, String sampleId) {
        return new BlobKey(datasetId, Kind.FULL, sampleId);
    }

    public static BlobKey embeddingsCsv(String datasetId, String embeddingId) {
        return new BlobKey(datasetId, Kind.EMBEDDINGS_CSV, embeddingId);
    }

    /** Parses {@link #text()}; empty for anything else. */
    public static Optional<BlobKey> parse(String text) {
        Matcher m = PATTERN.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        if (m.group(4) != null) {
            return Optional.of(embeddingsCsv(m.group(1), m.group(4)));
        }
        Kind kind = m.group(2).equals("thumbnail") ? Kind.THUMBNAIL : Kind.FULL;
        return Optional.of(new BlobKey(m.group(1), kind, m.group(3)));
    }

    /** The key as URLs carry it. */
    public String text() {
        return switch (kind) {
            case THUMBNAIL -> datasetId + "/thumbnail/" + id;
            case FULL -> datasetId + "/full/" + id;
            case EMBEDDINGS_CSV -> datasetId + "/embeddings/" + id + ".csv";
        };
    }
}
