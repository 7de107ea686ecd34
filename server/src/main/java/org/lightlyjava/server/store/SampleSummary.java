package org.lightlyjava.server.store;

/**
 * What a grid of samples shows of each: the values the server keeps in columns of their own. Absent
 * values are null.
 *
 * @param value the sort field's value when it is custom metadata, else null
 */
public record SampleSummary(
        String id,
        long index,
        String fileName,
        long sizeInBytes,
        Double sharpness,
        Double snr,
        Integer width,
        Integer height,
        Double value) {}
