package org.lightlyjava.server.store;

/**
 * A sample as stored. The JSON documents ({@code exif}, {@code metaData}, {@code customMetaData})
 * are JSON text or null. {@code index} is the position in the dataset's creation order; {@code
 * hasThumb} / {@code hasFull} tell whether the server holds that blob.
 */
public record SampleRecord(
        String id,
        String datasetId,
        long index,
        String fileName,
        String thumbName,
        String type,
        String exif,
        String metaData,
        String customMetaData,
        long sizeInBytes,
        boolean hasThumb,
        boolean hasFull,
        long createdAt,
        long lastModifiedAt) {}
