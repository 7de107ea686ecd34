package org.lightlyjava.server.store;

/**
 * The result of one sample of {@link SampleStore#insertBatch}.
 *
 * @param created whether this call created it (false: a sample with that file name existed)
 */
public record BatchItem(
        String id, String fileName, boolean created, boolean hasThumb, boolean hasFull) {}
