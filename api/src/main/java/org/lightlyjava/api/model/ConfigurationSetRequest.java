package org.lightlyjava.api.model;

import java.util.List;

/** {@code POST/PUT .../configuration/metadata}: a named list of custom metadata keys. */
public record ConfigurationSetRequest(String name, List<ConfigurationEntry> configs) {}
