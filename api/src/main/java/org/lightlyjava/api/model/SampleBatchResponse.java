package org.lightlyjava.api.model;

import java.util.List;

/** The answer to a {@link SampleBatchRequest}: one item per requested sample, in request order. */
public record SampleBatchResponse(List<Item> samples) {

    /**
     * @param fileName as requested
     * @param id the sample's id
     * @param created whether this request created it (false: it existed)
     * @param thumbWriteUrl signed PUT URL for the thumbnail, present only while it is missing
     * @param fullWriteUrl signed PUT URL for the image, present only while it is missing
     */
    public record Item(
            String fileName,
            String id,
            boolean created,
            String thumbWriteUrl,
            String fullWriteUrl) {}
}
