package org.lightlyjava.server.store;

/**
 * A sample to create; JSON documents as text or null.
 *
 * @param id the id it gets if it is created (unused when the file name exists)
 * @param sizeInBytes the image's size as the client reported it in {@code metaData}, else 0
 */
public record NewSample(
        String id,
        String fileName,
        String thumbName,
        String exif,
        String metaData,
        String customMetaData,
        long sizeInBytes) {}
