package org.lightlyjava.server.store;

/** A dataset as one user reaches it: their own, or shared with them for reading or writing. */
public record DatasetAccess(DatasetRecord dataset, Role role) {

    /** What a user may do with a dataset; each role allows what the ones before it allow. */
    public enum Role {
        /** Read samples, tags, embeddings and blobs. */
        READ,
        /** Also change them: create, update, delete, upload. */
        WRITE,
        /** Also share, revoke and delete the dataset. */
        OWNER;

        public boolean allows(Role needed) {
            return compareTo(needed) >= 0;
        }
    }
}
