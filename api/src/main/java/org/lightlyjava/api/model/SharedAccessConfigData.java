package org.lightlyjava.api.model;

import java.util.List;

/**
 * One access config of a dataset as {@code GET .../collaboration/access} lists it: {@code owner} is
 * the dataset owner's user id, {@code users} the user names holding {@code accessType}. Both {@code
 * organizations} (Lightly's client up to 1.2) and {@code teams} (1.4) are always empty.
 */
public record SharedAccessConfigData(
        String id,
        String owner,
        String accessType,
        List<String> users,
        List<String> organizations,
        List<String> teams,
        long createdAt,
        long lastModifiedAt) {}
