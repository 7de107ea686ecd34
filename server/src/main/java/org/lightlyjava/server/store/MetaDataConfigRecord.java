package org.lightlyjava.server.store;

/**
 * A custom metadata configuration as stored.
 *
 * @param configs the checked entries as JSON text, an array of Lightly's {@code ConfigurationEntry}
 */
public record MetaDataConfigRecord(
        String id,
        String datasetId,
        String name,
        String configs,
        long createdAt,
        long lastModifiedAt) {}
