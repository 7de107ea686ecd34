package org.lightlyjava.api.model;

/**
 * lightly-java extension, {@code POST /v1/datasets/{id}/embeddings/{embeddingId}/duplicates}: finds
 * groups of samples whose embeddings lie within {@code maxDistance} of each other (Euclidean,
 * chains included) and makes a tag of the samples to drop; answers {@link AsyncTaskData}.
 *
 * @param maxDistance the largest Euclidean distance between two near-duplicates, at least 0
 * @param newTagName the tag of the samples to drop (all but the first of each group); absent:
 *     {@code duplicates-<maxDistance>}
 * @param tagId only look at the samples of this tag; absent: all samples
 */
public record DuplicatesRequest(Double maxDistance, String newTagName, String tagId) {}
