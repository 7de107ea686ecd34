package org.lightlyjava.api.model;

/**
 * Lightly's error body {@code {"code": "...", "message": "..."}}; codes such as {@code
 * BAD_REQUEST}, {@code UNAUTHORIZED}, {@code NOT_FOUND}, {@code DATASET_UNKNOWN}, {@code
 * DATASET_NAME_EXISTS}, {@code EMBEDDING_ROW_COUNT_INVALID}, {@code TAG_INITIAL_EXISTS}.
 */
public record ApiError(String code, String message) {}
