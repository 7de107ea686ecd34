/**
 * What lightly-server keeps in its database: users and token hashes, datasets, samples (in creation
 * order), tags, embeddings and their 2D projections, upload registrations. Interfaces and plain
 * records; {@link org.lightlyjava.server.store.jdbi} implements them over SQLite or PostgreSQL.
 * Every method is atomic: it runs in one transaction or not at all. Blobs (images, thumbnails,
 * CSVs) are not here but in the data folder.
 */
package org.lightlyjava.server.store;
