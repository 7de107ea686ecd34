package org.lightlyjava.api.model;

/** {@code POST .../tags/upsize}: extend the tags to the samples added since, in a new tag. */
public record TagUpsizeRequest(String upsizeTagName, String upsizeTagCreator, String runId) {}
