package org.lightlyjava.api.model;

/** {@code GET/PUT .../datasource/processedUntilTimestamp}: Unix seconds. */
public record DatasourceProcessedUntilTimestamp(long processedUntilTimestamp) {}
