package org.lightlyjava.api.model;

/** {@code PUT .../registerDatasetUpload}: how many samples an upload expects and has done. */
public record JobStatusMeta(
        Long total, Long processed, String uploadMethod, Boolean isRegistered) {}
