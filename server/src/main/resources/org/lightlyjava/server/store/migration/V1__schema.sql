-- lightly-server schema, version 1. Plain SQL that SQLite and PostgreSQL both run.
-- Ids are 24 lowercase hex characters (MongoDB ObjectId style); times are milliseconds since the
-- epoch; JSON documents (metaData, exif, customMetaData, changes) are stored as text.

CREATE TABLE users (
    id VARCHAR(24) PRIMARY KEY,
    name VARCHAR(64) NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX users_name ON users (name);

-- Only the SHA-256 of a token is stored; last4 lets a person tell tokens apart.
CREATE TABLE tokens (
    id VARCHAR(24) PRIMARY KEY,
    user_id VARCHAR(24) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash VARCHAR(64) NOT NULL,
    last4 VARCHAR(4) NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT
);
CREATE UNIQUE INDEX tokens_hash ON tokens (token_hash);
CREATE INDEX tokens_user ON tokens (user_id);

-- n_samples is also the index the next sample gets; size_in_bytes sums metaData.sizeInBytes.
CREATE TABLE datasets (
    id VARCHAR(24) PRIMARY KEY,
    user_id VARCHAR(24) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name VARCHAR(255) NOT NULL,
    type VARCHAR(32) NOT NULL,
    img_type VARCHAR(32),
    creator VARCHAR(64),
    parent_dataset_id VARCHAR(24),
    n_samples BIGINT NOT NULL,
    size_in_bytes BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    last_modified_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX datasets_user_name ON datasets (user_id, name);

CREATE TABLE upload_registrations (
    dataset_id VARCHAR(24) PRIMARY KEY REFERENCES datasets (id) ON DELETE CASCADE,
    total BIGINT,
    processed BIGINT,
    upload_method VARCHAR(64),
    is_registered BOOLEAN,
    updated_at BIGINT NOT NULL
);

-- idx: position in the dataset's creation order (0..n-1), the order of mappings and bitmasks.
-- has_thumb / has_full: whether the server holds that blob (blobs live in the data folder).
CREATE TABLE samples (
    id VARCHAR(24) PRIMARY KEY,
    dataset_id VARCHAR(24) NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    idx BIGINT NOT NULL,
    file_name TEXT NOT NULL,
    thumb_name TEXT,
    type VARCHAR(16) NOT NULL,
    exif TEXT,
    meta_data TEXT,
    custom_meta_data TEXT,
    size_in_bytes BIGINT NOT NULL,
    has_thumb BOOLEAN NOT NULL,
    has_full BOOLEAN NOT NULL,
    created_at BIGINT NOT NULL,
    last_modified_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX samples_dataset_file_name ON samples (dataset_id, file_name);
CREATE UNIQUE INDEX samples_dataset_idx ON samples (dataset_id, idx);

CREATE TABLE tags (
    id VARCHAR(24) PRIMARY KEY,
    dataset_id VARCHAR(24) NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    name VARCHAR(255) NOT NULL,
    is_initial BOOLEAN NOT NULL,
    prev_tag_id VARCHAR(24),
    query_tag_id VARCHAR(24),
    preselected_tag_id VARCHAR(24),
    bit_mask_data TEXT NOT NULL,
    tot_size BIGINT NOT NULL,
    creator VARCHAR(64),
    changes TEXT,
    run_id VARCHAR(255),
    created_at BIGINT NOT NULL,
    last_modified_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX tags_dataset_name ON tags (dataset_id, name);

CREATE TABLE embeddings (
    id VARCHAR(24) PRIMARY KEY,
    dataset_id VARCHAR(24) NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    name VARCHAR(255) NOT NULL,
    is_processed BOOLEAN NOT NULL,
    row_count BIGINT,
    dimension INTEGER,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX embeddings_dataset_name ON embeddings (dataset_id, name);

-- The coordinates live in the data folder beside the embedding's CSV.
CREATE TABLE embeddings_2d (
    id VARCHAR(24) PRIMARY KEY,
    embedding_id VARCHAR(24) NOT NULL REFERENCES embeddings (id) ON DELETE CASCADE,
    dataset_id VARCHAR(24) NOT NULL,
    name VARCHAR(255) NOT NULL,
    method VARCHAR(16) NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX embeddings_2d_embedding ON embeddings_2d (embedding_id);
