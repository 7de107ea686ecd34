package org.lightlyjava.api.model;

/**
 * {@code POST .../embeddings/{id}/trigger2dEmbeddingsJob}: {@code PCA}, {@code TSNE} or {@code
 * UMAP}.
 */
public record Trigger2dEmbeddingJobRequest(String dimensionalityReductionMethod) {}
