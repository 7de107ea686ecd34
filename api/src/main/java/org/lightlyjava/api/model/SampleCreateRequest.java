package org.lightlyjava.api.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /v1/datasets/{id}/samples}: one image's name and what was computed from it.
 *
 * @param fileName path relative to the dataset root, {@code /} separated
 * @param thumbName {@code <name without extension>_thumb.webp}, or null without a thumbnail
 * @param exif EXIF tags as an object, or null
 * @param metaData Lightly's per-image metadata ({@code mean}, {@code std}, ...), or null
 * @param customMetaData the user's custom metadata object, or null
 */
public record SampleCreateRequest(
        String fileName,
        String thumbName,
        JsonNode exif,
        JsonNode metaData,
        JsonNode customMetaData) {}
