package org.lightlyjava.upload;

import org.lightlyjava.dataset.Sample;

/**
 * A sample that exists on the server, with the blob uploads it still needs.
 *
 * @param sample the image
 * @param id its id on the server
 * @param thumbUrl signed PUT URL for its thumbnail, or null when none is needed
 * @param fullUrl signed PUT URL for the original file, or null when none is needed
 */
record Created(Sample sample, String id, String thumbUrl, String fullUrl) {

    boolean needsBlobs() {
        return thumbUrl != null || fullUrl != null;
    }
}
