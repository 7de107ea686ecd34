package org.lightlyjava.server.store;

import java.util.List;
import java.util.Optional;

/**
 * Datasets shared with other users: one access config per dataset and access type, each a list of
 * users; a user holds at most one role on a dataset. Every lookup reads the database, so a change
 * applies to the next request.
 */
public interface ShareStore {

    /** The dataset as the user reaches it (owned, or shared with them), if at all. */
    Optional<DatasetAccess> access(String userId, String datasetId);

    /** Datasets shared with the user (not their own), in creation order. */
    List<DatasetAccess> sharedWith(String userId, long offset, long limit);

    /** Datasets shared with the user and named exactly {@code name} (owners differ). */
    List<DatasetAccess> sharedWithByName(String userId, String name);

    /** The user with this id, or else with this name. */
    Optional<UserRecord> findUser(String idOrName);

    /**
     * Makes the dataset's {@code accessType} config hold exactly {@code userIds} (in this order):
     * creates the config with {@code newId} when there is none, and takes the users out of the
     * dataset's other configs. All or nothing.
     *
     * @return the config's id
     * @throws MissingException when the dataset or a user is gone
     */
    String replace(
            String datasetId, String accessType, List<String> userIds, String newId, long now);

    /** The dataset's access configs, oldest first. */
    List<SharedAccessRecord> configs(String datasetId);

    /** Deletes one access config with its users; false when the dataset has no such config. */
    boolean deleteConfig(String datasetId, String configId);
}
