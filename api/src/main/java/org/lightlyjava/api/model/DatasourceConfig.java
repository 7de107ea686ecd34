package org.lightlyjava.api.model;

/**
 * A dataset's datasource (reference §13.1), {@code PUT/GET /v1/datasets/{id}/datasource}: where the
 * images live. Lightly's clients send it as a plain object; absent fields are omitted.
 *
 * @param id the datasource's id (set by the server)
 * @param purpose {@code INPUT_OUTPUT} (default), {@code INPUT} or {@code LIGHTLY}
 * @param type {@code S3}, {@code LOCAL}, {@code AZURE} or {@code GCS} (this server); Lightly also
 *     knows OBS
 * @param fullPath {@code s3://bucket/prefix/} for S3; for LOCAL a path relative to the server's
 *     local root (no leading {@code /}, no {@code ..})
 * @param thumbSuffix where thumbnails live relative to fullPath, with {@code [filename]} (the file
 *     name without extension) and {@code [extension]}, default {@code
 *     .lightly/thumbnails/[filename]_thumb.[extension]}; empty: the full image is shown
 * @param s3Region for example {@code us-east-1}
 * @param s3AccessKeyId the restricted IAM user's key id
 * @param s3SecretAccessKey its secret; never returned by GET (masked)
 * @param s3ServerSideEncryptionKMSKey optional KMS key ARN for writes
 * @param s3EndpointUrl lightly-java extension: an S3-compatible endpoint (MinIO, S3Proxy, ...),
 *     with path-style requests; null for AWS
 * @param accountName AZURE: the storage account
 * @param accountKey AZURE: the account key or a SAS token (Lightly's client sends its {@code
 *     sas_token} here); never returned by GET (masked)
 * @param gcsProjectId GCS: the project id
 * @param gcsCredentials GCS: the service-account key file's JSON as a string; never returned by GET
 *     (masked)
 * @param azureEndpointUrl lightly-java extension: the blob service's URL (Azurite, a sovereign
 *     cloud); null for {@code https://<accountName>.blob.core.windows.net}
 * @param s3ARN for {@code S3DelegatedAccess}: the role the server assumes (STS AssumeRole)
 * @param s3ExternalId for {@code S3DelegatedAccess}: the external ID the role's trust policy
 *     requires (not a secret)
 */
public record DatasourceConfig(
        String id,
        String purpose,
        String type,
        String fullPath,
        String thumbSuffix,
        String s3Region,
        String s3AccessKeyId,
        String s3SecretAccessKey,
        String s3ServerSideEncryptionKMSKey,
        String s3EndpointUrl,
        String accountName,
        String accountKey,
        String gcsProjectId,
        String gcsCredentials,
        String azureEndpointUrl,
        String s3ARN,
        String s3ExternalId) {

    /** A configuration of static S3 keys or LOCAL (no AZURE, GCS or delegated-access fields). */
    public DatasourceConfig(
            String id,
            String purpose,
            String type,
            String fullPath,
            String thumbSuffix,
            String s3Region,
            String s3AccessKeyId,
            String s3SecretAccessKey,
            String s3ServerSideEncryptionKMSKey,
            String s3EndpointUrl) {
        this(
                id,
                purpose,
                type,
                fullPath,
                thumbSuffix,
                s3Region,
                s3AccessKeyId,
                s3SecretAccessKey,
                s3ServerSideEncryptionKMSKey,
                s3EndpointUrl,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** Lightly's default thumbnail location. */
    public static final String DEFAULT_THUMB_SUFFIX =
            ".lightly/thumbnails/[filename]_thumb.[extension]";

    /** An S3 datasource for reading and writing, with Lightly's default thumbnail suffix. */
    public static DatasourceConfig s3(
            String fullPath,
            String region,
            String accessKeyId,
            String secretAccessKey,
            String endpointUrl) {
        return new DatasourceConfig(
                null,
                "INPUT_OUTPUT",
                "S3",
                fullPath,
                DEFAULT_THUMB_SUFFIX,
                region,
                accessKeyId,
                secretAccessKey,
                null,
                endpointUrl);
    }

    /** A LOCAL folder (relative to the server's local root, or Lightly's URL form). */
    public static DatasourceConfig local(String purpose, String fullPath, String thumbSuffix) {
        return new DatasourceConfig(
                null, purpose, "LOCAL", fullPath, thumbSuffix, null, null, null, null, null);
    }

    /**
     * An Azure Blob Storage container and prefix.
     *
     * @param accountKey the account key or a SAS token; null keeps the stored one
     * @param endpointUrl the blob service's URL, or null for Azure's of the account
     */
    public static DatasourceConfig azure(
            String purpose,
            String fullPath,
            String thumbSuffix,
            String accountName,
            String accountKey,
            String endpointUrl) {
        return new DatasourceConfig(
                null,
                purpose,
                "AZURE",
                fullPath,
                thumbSuffix,
                null,
                null,
                null,
                null,
                null,
                accountName,
                accountKey,
                null,
                null,
                endpointUrl,
                null,
                null);
    }

    /**
     * A Google Cloud Storage bucket and prefix.
     *
     * @param credentials the service-account key file's JSON; null keeps the stored one
     */
    public static DatasourceConfig gcs(
            String purpose,
            String fullPath,
            String thumbSuffix,
            String projectId,
            String credentials) {
        return new DatasourceConfig(
                null,
                purpose,
                "GCS",
                fullPath,
                thumbSuffix,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                projectId,
                credentials,
                null,
                null,
                null);
    }

    /** An S3 bucket the server reaches by assuming a role (STS AssumeRole with an external ID). */
    public static DatasourceConfig s3Delegated(
            String purpose,
            String fullPath,
            String thumbSuffix,
            String region,
            String kmsKey,
            String endpointUrl,
            String roleArn,
            String externalId) {
        return new DatasourceConfig(
                null,
                purpose,
                "S3DelegatedAccess",
                fullPath,
                thumbSuffix,
                region,
                null,
                null,
                kmsKey,
                endpointUrl,
                null,
                null,
                null,
                null,
                null,
                roleArn,
                externalId);
    }
}
