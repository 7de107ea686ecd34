-- lightly-server schema, version 7: datasets shared with other users (Lightly's collaboration
-- access). Plain SQL that SQLite and PostgreSQL both run.
-- One access config per dataset and access type (READ, WRITE): POST .../collaboration/access
-- replaces its list of users. A user holds at most one role on a dataset (the primary key of
-- dataset_shares), so giving a user the other role moves them. seq keeps the order the owner
-- listed them in.
CREATE TABLE shared_access_configs (
    id VARCHAR(24) PRIMARY KEY,
    dataset_id VARCHAR(24) NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    access_type VARCHAR(16) NOT NULL,
    created_at BIGINT NOT NULL,
    last_modified_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX shared_access_configs_dataset_type
    ON shared_access_configs (dataset_id, access_type);

CREATE TABLE dataset_shares (
    dataset_id VARCHAR(24) NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    user_id VARCHAR(24) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    config_id VARCHAR(24) NOT NULL REFERENCES shared_access_configs (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    PRIMARY KEY (dataset_id, user_id)
);
CREATE INDEX dataset_shares_user ON dataset_shares (user_id);
CREATE INDEX dataset_shares_config ON dataset_shares (config_id);
