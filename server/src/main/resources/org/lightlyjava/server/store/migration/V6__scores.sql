-- lightly-server schema, version 6: active-learning scores (POST .../tags/{tagId}/scores).
-- One row per tag and score type; a new upload of the same type replaces the values. The values
-- are one blob of float64s (big-endian, 8 bytes each), one per sample of the tag in the tag's
-- order, so a tag of a million samples is one 8 MB row, not a million rows. bit_mask_data is the
-- tag's bitmask when the scores came: it maps the i-th value to its sample even after the tag
-- changes. BYTEA is PostgreSQL's binary type; SQLite stores the blob as it is under that name.
CREATE TABLE tag_scores (
    id VARCHAR(24) PRIMARY KEY,
    dataset_id VARCHAR(24) NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    tag_id VARCHAR(24) NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    score_type VARCHAR(255) NOT NULL,
    bit_mask_data TEXT NOT NULL,
    score_count INTEGER NOT NULL,
    score_values BYTEA NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX tag_scores_tag_type ON tag_scores (tag_id, score_type);
CREATE INDEX tag_scores_dataset ON tag_scores (dataset_id);

-- Prediction task schemas (POST/GET .../predictions/tasks): one per dataset, prediction version
-- (predictionUUIDTimestamp, Unix ms) and task name; schema_json is the schema as sent, checked.
CREATE TABLE prediction_tasks (
    id VARCHAR(24) PRIMARY KEY,
    dataset_id VARCHAR(24) NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    prediction_uuid_timestamp BIGINT NOT NULL,
    task_name VARCHAR(255) NOT NULL,
    schema_json TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX prediction_tasks_version_name
    ON prediction_tasks (dataset_id, prediction_uuid_timestamp, task_name);

-- Per-sample predictions (POST/GET .../predictions/samples/{sampleId}): the sample's prediction
-- singletons of one version as a JSON array, checked against that version's task schemas.
CREATE TABLE sample_predictions (
    id VARCHAR(24) PRIMARY KEY,
    dataset_id VARCHAR(24) NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    sample_id VARCHAR(24) NOT NULL REFERENCES samples (id) ON DELETE CASCADE,
    prediction_uuid_timestamp BIGINT NOT NULL,
    singletons_json TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX sample_predictions_version
    ON sample_predictions (sample_id, prediction_uuid_timestamp);
CREATE INDEX sample_predictions_dataset ON sample_predictions (dataset_id, prediction_uuid_timestamp);
