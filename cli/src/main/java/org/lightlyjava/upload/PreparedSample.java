package org.lightlyjava.upload;

import com.fasterxml.jackson.databind.JsonNode;
import org.lightlyjava.dataset.Sample;

/**
 * One image made ready for upload.
 *
 * @param sample the image
 * @param metaData Lightly's per-image metadata
 * @param exif EXIF tags, or null
 * @param thumbnail the WebP thumbnail, or null when the mode needs none
 * @param error why the image could not be prepared (then the rest is null), or null
 */
public record PreparedSample(
        Sample sample, JsonNode metaData, JsonNode exif, byte[] thumbnail, String error) {

    static PreparedSample failed(Sample sample, String error) {
        return new PreparedSample(sample, null, null, null, error);
    }
}
