package org.lightlyjava.api.model;

import java.util.List;

/** A stored custom metadata configuration ({@code GET .../configuration/metadata}). */
public record ConfigurationData(
        String id,
        String name,
        List<ConfigurationEntry> configs,
        long createdAt,
        long lastModifiedAt) {}
