package org.lightlyjava.image;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of {@link ImageDecoder#decode}: the upright 8-bit RGB pixels, the container format
 * ({@code "jpeg"}, {@code "png"}, {@code "tiff"}, {@code "webp"}, {@code "bmp"} or {@code "pnm"})
 * and the EXIF tags as a JSON-ready map (tag name to value, empty when the file has none).
 *
 * <p>The map is unmodifiable and keeps the file's tag order; values may be {@code null} (a rational
 * with denominator 0), as in Pillow.
 */
public record DecodedImage(RgbImage image, String format, Map<String, Object> exif) {

    public DecodedImage {
        // Not Map.copyOf: it rejects null values and loses the order, which JSON output shows.
        exif = Collections.unmodifiableMap(new LinkedHashMap<>(exif));
    }
}
