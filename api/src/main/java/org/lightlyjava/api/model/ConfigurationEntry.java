package org.lightlyjava.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One key of a custom metadata configuration: its display {@code name}, the {@code path} into a
 * sample's {@code customMetaData} (dot notation, {@code [n]} for array elements), the {@code
 * defaultValue} used where a sample has none (JSON null allowed, always sent), and {@code
 * valueDataType}, one of Lightly's {@code ConfigurationValueDataType} names.
 */
public record ConfigurationEntry(
        String name,
        String path,
        @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode defaultValue,
        String valueDataType) {}
