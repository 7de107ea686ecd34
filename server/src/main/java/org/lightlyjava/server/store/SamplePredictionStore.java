package org.lightlyjava.server.store;

import java.util.List;
import java.util.Optional;

/** The prediction singletons of samples, per version ({@code predictionUUIDTimestamp}). */
public interface SamplePredictionStore {

    /**
     * Stores a sample's singletons (a JSON array), replacing those of the same version.
     *
     * @return the row's id (kept when replaced)
     * @throws MissingException when the dataset or sample is gone
     */
    String put(
            String id,
            String datasetId,
            String sampleId,
            long version,
            String singletonsJson,
            long now);

    Optional<String> find(String datasetId, String sampleId, long version);

    /** Every sample's singletons of a version, in creation order of the samples. */
    List<String> list(String datasetId, long version);
}
