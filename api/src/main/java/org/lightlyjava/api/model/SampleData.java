package org.lightlyjava.api.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A sample as the API returns it. {@code index} is its position in the dataset's creation order,
 * the order of mappings and bitmasks. Partial listings fill only some fields.
 */
public record SampleData(
        String id,
        String type,
        String datasetId,
        String fileName,
        String thumbName,
        JsonNode exif,
        Integer index,
        Long createdAt,
        Long lastModifiedAt,
        JsonNode metaData,
        JsonNode customMetaData) {}
