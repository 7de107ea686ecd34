package org.lightlyjava.server.store;

/**
 * A dataset's datasource as stored: one per dataset and purpose. The S3 fields are null for LOCAL;
 * {@code s3SecretSealed} is the secret encrypted at rest, never the secret itself. AZURE and GCS
 * use the same columns: {@code s3AccessKeyId} holds the account name or project id, {@code
 * s3SecretSealed} the account key, SAS token or service-account JSON, {@code s3EndpointUrl} Azure's
 * blob service URL (null for Azure's own).
 *
 * @param purpose {@code INPUT_OUTPUT}, {@code INPUT} or {@code LIGHTLY}
 * @param type {@code S3}, {@code LOCAL}, {@code AZURE} or {@code GCS}
 * @param fullPath {@code s3://bucket/prefix/}, or for LOCAL a folder relative to the local root,
 *     ending in {@code /}; {@code container/prefix/} for AZURE, {@code gs://bucket/prefix/} for GCS
 * @param thumbSuffix where thumbnails live relative to {@code fullPath}; empty for none
 * @param s3RoleArn for {@code S3DelegatedAccess}: the role to assume, else null
 * @param s3ExternalId for {@code S3DelegatedAccess}: the role's external ID, else null
 */
public record DatasourceRecord(
        String id,
        String datasetId,
        String purpose,
        String type,
        String fullPath,
        String thumbSuffix,
        String s3Region,
        String s3AccessKeyId,
        String s3SecretSealed,
        String s3KmsKey,
        String s3EndpointUrl,
        long createdAt,
        long lastModifiedAt,
        String s3RoleArn,
        String s3ExternalId) {

    /** A datasource without delegated access. */
    public DatasourceRecord(
            String id,
            String datasetId,
            String purpose,
            String type,
            String fullPath,
            String thumbSuffix,
            String s3Region,
            String s3AccessKeyId,
            String s3SecretSealed,
            String s3KmsKey,
            String s3EndpointUrl,
            long createdAt,
            long lastModifiedAt) {
        this(
                id,
                datasetId,
                purpose,
                type,
                fullPath,
                thumbSuffix,
                s3Region,
                s3AccessKeyId,
                s3SecretSealed,
                s3KmsKey,
                s3EndpointUrl,
                createdAt,
                lastModifiedAt,
                null,
                null);
    }

    /** Without the sealed secret, so that no log line carries even its ciphertext. */
    @Override
    public String toString() {
        return "DatasourceRecord[id="
                + id
                + ", datasetId="
                + datasetId
                + ", purpose="
                + purpose
                + ", type="
                + type
                + ", fullPath="
                + fullPath
                + "]";
    }
}
