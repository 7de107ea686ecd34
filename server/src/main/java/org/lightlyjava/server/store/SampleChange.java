package org.lightlyjava.server.store;

/**
 * New values for some fields of a sample; a null field keeps the stored value. {@code sizeInBytes}
 * comes with {@code metaData}.
 */
public record SampleChange(
        String fileName,
        String thumbName,
        String exif,
        String metaData,
        String customMetaData,
        Long sizeInBytes) {}
