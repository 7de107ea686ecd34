package org.lightlyjava.server.datasource;

import java.net.ConnectException;
import java.net.SocketException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Builds S3 clients for datasources: explicit region and static credentials (the SDK never looks
 * for others, nor at an instance metadata service), short timeouts and no SDK retries (a dead
 * endpoint fails in about one timeout; the API's clients retry themselves), checksums only where S3
 * requires them (S3-compatible stores differ there), path-style requests for a custom endpoint. A
 * delegated-access datasource signs with its assumed role's session ({@link RoleSessions}), so its
 * presigned URLs carry {@code X-Amz-Security-Token}.
 */
final class S3Clients {

    static final Logger LOG = LoggerFactory.getLogger(S3Clients.class);

    /** SigV4's limit for a presigned URL. */
    static final Duration MAX_TTL = Duration.ofDays(7);

    static final RetryStrategy RETRY =
            StandardRetryStrategy.builder()
                    .maxAttempts(2)
                    .retryOnException(S3Clients::staleConnection)
                    .backoffStrategy(BackoffStrategy.retryImmediately())
                    .circuitBreakerEnabled(false)
                    .useClientDefaults(false)
                    .build();

    private final Duration timeout;

    S3Clients(Duration timeout) {
        this.timeout = timeout;
    }

    static Duration capped(Duration ttl) {
        return ttl.compareTo(MAX_TTL) > 0 ? MAX_TTL : ttl;
    }

    S3Client client(S3Settings s) {
        S3ClientBuilder builder =
                S3Client.builder()
                        .region(Region.of(s.region()))
                        .credentialsProvider(credentials(s))
                        .httpClientBuilder(
                                ApacheHttpClient.builder()
                                        .connectionTimeout(timeout)
                                        .socketTimeout(timeout)
                                        .connectionAcquisitionTimeout(timeout)
                                        .maxConnections(16))
                        .overrideConfiguration(
                                o ->
                                        o.apiCallAttemptTimeout(timeout.multipliedBy(2))
                                                .apiCallTimeout(timeout.multipliedBy(3))
                                                .retryStrategy(RETRY))
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (s.endpoint() != null) {
            builder.endpointOverride(s.endpoint()).forcePathStyle(true);
        }
        return builder.build();
    }

    S3Presigner presigner(S3Settings s) {
        S3Presigner.Builder builder =
                S3Presigner.builder()
                        .region(Region.of(s.region()))
                        .credentialsProvider(credentials(s));
        if (s.endpoint() != null) {
            builder.endpointOverride(s.endpoint())
                    .serviceConfiguration(
                            S3Configuration.builder().pathStyleAccessEnabled(true).build());
        }
        return builder.build();
    }

    /** A reused connection the other side had closed: safe to send again. */
    static boolean staleConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketException && !(t instanceof ConnectException)) {
                String message = String.valueOf(t.getMessage());
                if (message.contains("Broken pipe")
                        || message.contains("Connection reset")
                        || message.contains("Socket closed")) {
                    return true;
                }
            }
            if (t.getClass().getSimpleName().equals("NoHttpResponseException")) {
                return true;
            }
        }
        return false;
    }

    private static AwsCredentialsProvider credentials(S3Settings s) {
        if (s.session() != null) {
            return s.session();
        }
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(s.accessKeyId(), s.secret()));
    }
}
