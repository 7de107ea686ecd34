package org.lightlyjava.server.datasource;

/**
 * Lightly's thumbnail suffix, for example {@code .lightly/thumbnails/[filename]_thumb.[extension]}:
 * where a sample's thumbnail lives relative to the datasource's full path.
 *
 * <p>{@code [filename]} is the file name without its extension and keeps its folders; {@code
 * [extension]} is the extension without the dot. So {@code cats/a.jpg} has its thumbnail at {@code
 * .lightly/thumbnails/cats/a_thumb.jpg}, mirroring the image's folders as Lightly mirrors them
 * under {@code .lightly/predictions/}. A name without an extension drops the {@code .[extension]}
 * part: {@code README} becomes {@code .lightly/thumbnails/README_thumb}.
 */
public final class ThumbSuffix {

    /** Stands for the file name without extension, folders included. */
    public static final String FILENAME = "[filename]";

    /** Stands for the extension without the dot. */
    public static final String EXTENSION = "[extension]";

    private ThumbSuffix() {}

    /** The thumbnail's path for the image at {@code fileName}. */
    public static String apply(String suffix, String fileName) {
        int slash = fileName.lastIndexOf('/');
        int dot = fileName.lastIndexOf('.');
        boolean hasExtension = dot > slash + 1;
        String stem = hasExtension ? fileName.substring(0, dot) : fileName;
        String extension = hasExtension ? fileName.substring(dot + 1) : "";
        String pattern = suffix;
        if (extension.isEmpty()) {
            pattern = pattern.replace("." + EXTENSION, "");
        }
        return pattern.replace(FILENAME, stem).replace(EXTENSION, extension);
    }
}
