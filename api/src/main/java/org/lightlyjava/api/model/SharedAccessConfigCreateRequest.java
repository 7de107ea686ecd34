package org.lightlyjava.api.model;

import java.util.List;

/**
 * {@code POST /v1/datasets/{datasetId}/collaboration/access}: the users (names or ids) who hold
 * {@code accessType} ({@code WRITE}, Lightly's only type, or lightly-java's {@code READ}) on the
 * dataset from now on; {@code []} revokes them all. lightly-server has no organizations.
 */
public record SharedAccessConfigCreateRequest(
        String accessType, List<String> users, List<String> organizations, String creator) {}
