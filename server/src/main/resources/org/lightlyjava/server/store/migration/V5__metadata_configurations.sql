-- lightly-server schema, version 5: custom metadata configurations (Lightly's
-- POST/GET/PUT /v1/datasets/{id}/configuration/metadata). configs is the checked list of entries
-- as JSON text ([{"name","path","defaultValue","valueDataType"}]): one row is written whole, so a
-- configuration is never stored in part.
CREATE TABLE metadata_configurations (
    id VARCHAR(24) PRIMARY KEY,
    dataset_id VARCHAR(24) NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    configs TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_modified_at BIGINT NOT NULL
);
CREATE INDEX metadata_configurations_dataset ON metadata_configurations (dataset_id, created_at);
