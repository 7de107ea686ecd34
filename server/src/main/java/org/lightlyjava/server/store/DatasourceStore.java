package org.lightlyjava.server.store;

import java.util.List;
import java.util.Optional;

/** Datasources, one per dataset and purpose, and the dataset's processed-until time. */
public interface DatasourceStore {

    /**
     * Stores a datasource, replacing the dataset's datasource of the same purpose.
     *
     * @throws MissingException when the dataset is gone
     */
    void put(DatasourceRecord datasource);

    /** Removes the dataset's datasource of a purpose; false when it had none. */
    boolean delete(String datasetId, String purpose);

    Optional<DatasourceRecord> find(String datasetId, String purpose);

    /** The dataset's datasources, ordered by purpose. */
    List<DatasourceRecord> list(String datasetId);

    /** {@code GET .../datasource/processedUntilTimestamp}: Unix seconds, 0 until set. */
    long processedUntil(String datasetId);

    /** Stores the processed-until time; false when the dataset is gone. */
    boolean setProcessedUntil(String datasetId, long seconds);
}
