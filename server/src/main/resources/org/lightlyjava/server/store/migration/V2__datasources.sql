-- lightly-server schema, version 2: datasources. Plain SQL that SQLite and PostgreSQL both run.
-- One datasource per dataset and purpose (INPUT_OUTPUT, INPUT, LIGHTLY). thumb_suffix is '' when
-- the datasource has no thumbnails. s3_secret_sealed is the secret access key encrypted with
-- AES-GCM under the data folder's datasource.key ("v1:" + base64(nonce || ciphertext || tag));
-- the plain secret is never stored.
CREATE TABLE datasources (
    id VARCHAR(24) PRIMARY KEY,
    dataset_id VARCHAR(24) NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    purpose VARCHAR(16) NOT NULL,
    type VARCHAR(16) NOT NULL,
    full_path TEXT NOT NULL,
    thumb_suffix TEXT NOT NULL,
    s3_region VARCHAR(64),
    s3_access_key_id VARCHAR(256),
    s3_secret_sealed TEXT,
    s3_kms_key TEXT,
    s3_endpoint_url TEXT,
    created_at BIGINT NOT NULL,
    last_modified_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX datasources_dataset_purpose ON datasources (dataset_id, purpose);

-- GET/PUT .../datasource/processedUntilTimestamp, in Unix seconds; null until first set.
ALTER TABLE datasets ADD COLUMN datasource_processed_until BIGINT;
