package org.lightlyjava.api.model;

/** {@code GET .../embeddings/writeCSVUrl?name=}: where to PUT the CSV, and the embedding's id. */
public record WriteCsvUrlData(String signedWriteUrl, String embeddingId) {}
