package org.lightlyjava.server.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lightlyjava.api.model.SharedAccessConfigCreateRequest;
import org.lightlyjava.api.model.SharedAccessConfigData;
import org.lightlyjava.server.store.DatasetRecord;
import org.lightlyjava.server.store.MissingException;
import org.lightlyjava.server.store.ShareStore;
import org.lightlyjava.server.store.SharedAccessRecord;
import org.lightlyjava.server.store.UserRecord;

/**
 * Lightly's collaboration access: the owner of a dataset shares it with other users of this server,
 * for reading ({@code READ}, lightly-java's) or writing ({@code WRITE}, Lightly's). The caller has
 * been checked to own the dataset.
 */
public final class CollaborationService {

    /** The access types, smallest first. */
    static final List<String> ACCESS_TYPES = List.of("READ", "WRITE");

    /** The most users one access config holds. */
    static final int MAX_USERS = 1000;

    private static final int MAX_USER_LENGTH = 64;

    private final ShareStore shares;
    private final Ids ids;
    private final Clock clock;

    CollaborationService(ShareStore shares, Ids ids, Clock clock) {
        this.shares = shares;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Makes the dataset's {@code accessType} config hold exactly the request's users (Lightly's
     * create-or-update): users left out lose that access, users named who held the other type move
     * to this one. Everything is checked before anything is stored.
     *
     * @return the config's id
     * @throws ApiProblem 400 naming the field for a missing or unknown access type, a missing user
     *     list, an unknown user, the owner among the users, or organizations
     */
    public String share(
            UserRecord owner, DatasetRecord dataset, SharedAccessConfigCreateRequest request) {
        String accessType = accessType(request.accessType());
        if (request.organizations() != null && !request.organizations().isEmpty()) {
            throw ApiProblem.badRequest(
                    "organizations: lightly-server has no organizations; list users instead");
        }
        List<String> userIds = userIds(owner, request.users());
        try {
            return shares.replace(dataset.id(), accessType, userIds, ids.next(), clock.millis());
        } catch (MissingException e) {
            throw ApiProblem.notFound("NOT_FOUND", e.getMessage());
        }
    }

    /** The dataset's access configs, oldest first. */
    public List<SharedAccessConfigData> list(DatasetRecord dataset) {
        return shares.configs(dataset.id()).stream().map(c -> toData(dataset, c)).toList();
    }

    /**
     * Deletes one access config: its users lose that access at once.
     *
     * @throws ApiProblem 400 for a malformed id, 404 when the dataset has no such config
     */
    public void revoke(DatasetRecord dataset, String accessConfigId) {
        Ids.require(accessConfigId, "accessConfigId");
        if (!shares.deleteConfig(dataset.id(), accessConfigId)) {
            throw ApiProblem.notFound(
                    "NOT_FOUND",
                    "accessConfigId: dataset "
                            + dataset.id()
                            + " has no access config "
                            + accessConfigId);
        }
    }

    private static String accessType(String accessType) {
        if (accessType == null) {
            throw ApiProblem.badRequest("accessType is required: one of " + ACCESS_TYPES);
        }
        if (!ACCESS_TYPES.contains(accessType)) {
            throw ApiProblem.badRequest(
                    "accessType must be one of "
                            + ACCESS_TYPES
                            + ", got '"
                            + Ids.shorten(accessType)
                            + "'");
        }
        return accessType;
    }

    /** The users' ids, each once, in the order first named. */
    private List<String> userIds(UserRecord owner, List<String> users) {
        if (users == null) {
            throw ApiProblem.badRequest(
                    "users is required: a list of user names or ids ([] revokes them all)");
        }
        if (users.size() > MAX_USERS) {
            throw ApiProblem.badRequest(
                    "users: at most " + MAX_USERS + " users, got " + users.size());
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < users.size(); i++) {
            ids.add(userId(owner, users.get(i), "users[" + i + "]"));
        }
        return new ArrayList<>(ids);
    }

    private String userId(UserRecord owner, String user, String field) {
        if (user == null || user.isBlank()) {
            throw ApiProblem.badRequest(field + " must be a user name or id");
        }
        if (user.length() > MAX_USER_LENGTH) {
            throw ApiProblem.badRequest(
                    field + ": no user '" + Ids.shorten(user) + "' on this server");
        }
        UserRecord found =
                shares.findUser(user)
                        .orElseThrow(
                                () ->
                                        ApiProblem.badRequest(
                                                field + ": no user '" + user + "' on this server"));
        if (found.id().equals(owner.id())) {
            throw ApiProblem.badRequest(
                    field + ": '" + user + "' owns the dataset; share it with other users");
        }
        return found.id();
    }

    private static SharedAccessConfigData toData(DatasetRecord dataset, SharedAccessRecord c) {
        return new SharedAccessConfigData(
                c.id(),
                dataset.userId(),
                c.accessType(),
                c.userNames(),
                List.of(),
                List.of(),
                c.createdAt(),
                c.lastModifiedAt());
    }
}
