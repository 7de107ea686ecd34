package org.lightlyjava.api.model;

/** {@code POST .../tags/initial}: imgType {@code full}, {@code thumbnail} or {@code meta}. */
public record InitialTagCreateRequest(String name, String creator, String imgType, String runId) {}
