package org.lightlyjava.server.store;

import java.util.List;

/**
 * One access config of a dataset: the users (by name, in the order given) who hold {@code
 * accessType} ({@code READ} or {@code WRITE}) on it.
 */
public record SharedAccessRecord(
        String id,
        String datasetId,
        String accessType,
        List<String> userNames,
        long createdAt,
        long lastModifiedAt) {

    public SharedAccessRecord {
        userNames = List.copyOf(userNames);
    }
}
