package org.lightlyjava.dataset;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Lightly's rules for which files are images and which names it accepts (reference §3). */
public final class FileNames {

    /** Lightly's {@code MAXIMUM_FILENAME_LENGTH} for the full path of a file. */
    public static final int MAX_PATH_LENGTH = 255;

    private static final Set<String> IMAGE_EXTENSIONS =
            Set.of(".jpg", ".jpeg", ".png", ".ppm", ".bmp", ".pgm", ".tif", ".tiff", ".webp");
    private static final Set<String> VIDEO_EXTENSIONS =
            Set.of(".mp4", ".mov", ".avi", ".mpg", ".hevc", ".m4v", ".webm", ".mpeg");

    private FileNames() {}

    public static boolean isImage(String name) {
        return IMAGE_EXTENSIONS.contains(extension(name));
    }

    public static boolean isVideo(String name) {
        return VIDEO_EXTENSIONS.contains(extension(name));
    }

    /**
     * Why Lightly would refuse this file, or empty when it is fine.
     *
     * @param relativeName the sample name (relative, {@code /} separated)
     * @param fullPath the absolute location, whose length Lightly limits
     */
    public static Optional<String> problem(String relativeName, String fullPath) {
        if (relativeName.contains(",")) {
            return Optional.of("file names must not contain commas (they break embeddings.csv)");
        }
        if (relativeName.indexOf('\n') >= 0 || relativeName.indexOf('\r') >= 0) {
            return Optional.of("file names must not contain line breaks");
        }
        if (fullPath.length() > MAX_PATH_LENGTH) {
            return Optional.of(
                    "path is "
                            + fullPath.length()
                            + " characters long, more than the "
                            + "allowed maximum of "
                            + MAX_PATH_LENGTH);
        }
        return Optional.empty();
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        int slash = name.lastIndexOf('/');
        return dot > slash ? name.substring(dot).toLowerCase(Locale.ROOT) : "";
    }
}
