package org.lightlyjava.api.model;

import java.util.List;

/**
 * lightly-java extension, {@code POST /v1/datasets/{id}/samples/batch}: creates up to 1000 samples
 * in one request and hands out their write URLs, where Lightly's API needs three requests per
 * sample (its issue 392).
 *
 * <p>Idempotent by file name: a sample whose {@code fileName} exists is not created again; its
 * existing id comes back. A write URL comes back only for a blob the server does not hold yet, so a
 * client that re-sends the same batch after a crash uploads exactly what is missing.
 *
 * @param samples the samples, as for {@code POST .../samples}
 * @param writeUrls {@code none}, {@code thumbnail} (thumbnail URLs for samples with a thumbName) or
 *     {@code full} (image and thumbnail URLs)
 */
public record SampleBatchRequest(List<SampleCreateRequest> samples, String writeUrls) {

    /** The most samples one request may carry. */
    public static final int MAX_SAMPLES = 1000;
}
