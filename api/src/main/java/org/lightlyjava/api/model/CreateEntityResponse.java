package org.lightlyjava.api.model;

/** {@code {"id": "<24 hex>"}}, the answer to every create call. */
public record CreateEntityResponse(String id) {}
