package org.lightlyjava.server.store;

import java.util.List;
import java.util.Optional;

/** Datasets, always seen through their owner: another user's dataset does not exist. */
public interface DatasetStore {

    /**
     * Inserts a new dataset (with {@code nSamples} and {@code sizeInBytes} 0).
     *
     * @throws DuplicateException when the user has a dataset of that name
     */
    void insert(DatasetRecord dataset);

    Optional<DatasetRecord> find(String userId, String datasetId);

    /** The user's datasets in creation order, {@code limit} from {@code offset}. */
    List<DatasetRecord> list(String userId, long offset, long limit);

    /** The user's dataset of exactly this name, if any. */
    Optional<DatasetRecord> findByName(String userId, String name);

    /** Deletes the dataset with its samples, tags and embeddings; false when it was not there. */
    boolean delete(String userId, String datasetId);

    /** Stores (replaces) the dataset's upload registration. */
    void registerUpload(UploadRegistration registration);

    Optional<UploadRegistration> uploadRegistration(String datasetId);
}
