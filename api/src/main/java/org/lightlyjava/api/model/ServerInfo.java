package org.lightlyjava.api.model;

import java.util.List;

/**
 * lightly-java extension, {@code GET /v1/lightly-java/info} (no auth): which server this is and
 * which extensions it offers. Lightly's own API answers 404, so clients fall back to Lightly's
 * calls.
 *
 * @param server {@code lightly-java}
 * @param version the server's version
 * @param features extension names, for example {@link #SAMPLES_BATCH}
 */
public record ServerInfo(String server, String version, List<String> features) {

    /** {@code POST /v1/datasets/{id}/samples/batch}: see {@link SampleBatchRequest}. */
    public static final String SAMPLES_BATCH = "samplesBatch";

    public boolean has(String feature) {
        return features != null && features.contains(feature);
    }
}
