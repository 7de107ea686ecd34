package org.lightlyjava.server.store;

/** What a client announced with {@code registerDatasetUpload}. */
public record UploadRegistration(
        String datasetId,
        Long total,
        Long processed,
        String uploadMethod,
        Boolean isRegistered,
        long updatedAt) {}
