package org.lightlyjava.server.datasource;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * What an S3 datasource needs to talk to its bucket, the secret decrypted. {@link #toString()}
 * never shows the secret.
 *
 * @param endpoint an S3-compatible endpoint (path-style requests), or null for AWS
 * @param kmsKey a KMS key for the probe's writes, or null
 * @param roleArn for delegated access: the role assumed (then {@code accessKeyId} and {@code
 *     secret} are null and {@code session} signs), else null
 * @param session the assumed role's session credentials, or null for static keys
 */
record S3Settings(
        S3Location location,
        String region,
        String accessKeyId,
        String secret,
        URI endpoint,
        String kmsKey,
        String roleArn,
        AwsCredentialsProvider session) {

    /** Static keys. */
    S3Settings(
            S3Location location,
            String region,
            String accessKeyId,
            String secret,
            URI endpoint,
            String kmsKey) {
        this(location, region, accessKeyId, secret, endpoint, kmsKey, null, null);
    }

    /** For messages: the endpoint, or AWS and the region. */
    String where() {
        return endpoint != null ? endpoint.toString() : "S3 in " + region;
    }

    @Override
    public String toString() {
        return "S3Settings["
                + location.fullPath()
                + ", "
                + where()
                + ", "
                + (roleArn != null ? roleArn : accessKeyId)
                + "]";
    }
}
