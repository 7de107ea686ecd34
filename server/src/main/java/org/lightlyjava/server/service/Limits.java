package org.lightlyjava.server.service;

/**
 * What a request may ask for.
 *
 * @param maxSamplesPerDataset the quota {@code GET /v1/quota} reports and sample creation enforces
 * @param maxJsonBytes the longest JSON request body
 * @param maxBlobBytes the longest blob (image, thumbnail, CSV) a signed URL accepts
 */
public record Limits(long maxSamplesPerDataset, long maxJsonBytes, long maxBlobBytes) {

    public Limits {
        if (maxSamplesPerDataset < 1 || maxJsonBytes < 1 || maxBlobBytes < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
