package org.lightlyjava.pipeline;

import org.lightlyjava.dataset.Sample;
import org.lightlyjava.image.DecodedImage;

/**
 * A sample read and decoded, or the reason it could not be.
 *
 * @param sample the sample
 * @param image the decoded image, or {@code null} on failure
 * @param sizeInBytes size of the encoded file
 * @param error why reading or decoding failed, or {@code null}
 */
public record Loaded(Sample sample, DecodedImage image, long sizeInBytes, String error) {

    public boolean ok() {
        return error == null;
    }

    static Loaded failed(Sample sample, long sizeInBytes, String error) {
        return new Loaded(sample, null, sizeInBytes, error);
    }
}
