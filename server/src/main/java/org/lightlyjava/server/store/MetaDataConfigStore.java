package org.lightlyjava.server.store;

import java.util.List;
import java.util.Optional;

/** The custom metadata configurations of datasets. */
public interface MetaDataConfigStore {

    /**
     * Stores a new configuration.
     *
     * @throws MissingException when the dataset is gone
     */
    void insert(MetaDataConfigRecord config);

    /** The dataset's configurations, oldest first. */
    List<MetaDataConfigRecord> list(String datasetId);

    Optional<MetaDataConfigRecord> find(String datasetId, String id);

    /**
     * Replaces a configuration's name and entries.
     *
     * @return false when the dataset has no such configuration
     */
    boolean update(String datasetId, String id, String name, String configs, long now);
}
