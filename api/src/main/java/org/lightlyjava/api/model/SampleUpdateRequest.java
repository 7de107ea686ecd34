package org.lightlyjava.api.model;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code PUT /v1/datasets/{id}/samples/{sampleId}}: the fields given replace the stored ones. */
public record SampleUpdateRequest(
        String fileName,
        String thumbName,
        JsonNode exif,
        JsonNode metaData,
        JsonNode customMetaData) {

    public static SampleUpdateRequest customMetaData(JsonNode customMetaData) {
        return new SampleUpdateRequest(null, null, null, null, customMetaData);
    }
}
