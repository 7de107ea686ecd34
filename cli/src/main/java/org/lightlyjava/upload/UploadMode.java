package org.lightlyjava.upload;

import java.util.Locale;

/**
 * Lightly's {@code upload=} (reference §7.6): what goes to the server besides each sample's
 * metadata. Any value other than {@code full} and {@code thumbnails} means metadata only.
 */
public enum UploadMode {
    /** WebP thumbnail and the original file bytes. */
    FULL("full"),
    /** WebP thumbnail only. */
    THUMBNAILS("thumbnail"),
    /** Nothing but metadata: the images stay where they are (a bucket, a folder). */
    METADATA("meta");

    private final String imgType;

    UploadMode(String imgType) {
        this.imgType = imgType;
    }

    public static UploadMode of(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "full" -> FULL;
            case "thumbnails" -> THUMBNAILS;
            default -> METADATA;
        };
    }

    /** The dataset's {@code imgType} after an upload in this mode: full, thumbnail or meta. */
    public String imgType() {
        return imgType;
    }

    public boolean thumbnails() {
        return this != METADATA;
    }

    public boolean fullImages() {
        return this == FULL;
    }

    /** The batch route's {@code writeUrls}: none, thumbnail or full. */
    String writeUrls() {
        return switch (this) {
            case FULL -> "full";
            case THUMBNAILS -> "thumbnail";
            case METADATA -> "none";
        };
    }

    /**
     * Lightly's thumbnail name: the file name without its last extension, then {@code _thumb.webp}.
     */
    public static String thumbName(String fileName) {
        int slash = fileName.lastIndexOf('/');
        int dot = fileName.lastIndexOf('.');
        String stem = dot > slash ? fileName.substring(0, dot) : fileName;
        return stem + "_thumb.webp";
    }
}
