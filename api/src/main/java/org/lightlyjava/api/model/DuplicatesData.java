package org.lightlyjava.api.model;

import java.util.List;

/**
 * lightly-java extension, {@code GET .../embeddings/{embeddingId}/duplicates/{jobId}}: the groups a
 * finished duplicates job found.
 *
 * @param groups each group's samples in dataset order; groups ordered by their first sample
 * @param tagId the tag holding every sample of a group but the first
 */
public record DuplicatesData(double maxDistance, List<Group> groups, String tagId) {

    /** Samples within {@code maxDistance} of each other, directly or through a chain. */
    public record Group(List<String> sampleIds, List<String> fileNames) {}
}
