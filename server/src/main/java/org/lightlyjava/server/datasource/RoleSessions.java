package org.lightlyjava.server.datasource;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Sessions of assumed roles for {@code S3DelegatedAccess} datasources: STS AssumeRole with the
 * role's external ID, signed with the server's own AWS credentials (the SDK's default chain:
 * environment, system properties, profile, container or instance role). A session is cached and
 * renewed {@link #PREFETCH} before it ends, so a URL signed with it stays valid for at least {@link
 * #STALE}; the session credentials live only in memory.
 */
public final class RoleSessions implements AutoCloseable {

    /** How long a session is asked for (AWS's default and every role's minimum maximum). */
    static final Duration SESSION = Duration.ofHours(1);

    static final Duration PREFETCH = Duration.ofMinutes(30);
    static final Duration STALE = Duration.ofMinutes(15);

    private final URI stsEndpoint;
    private final Duration timeout;
    private DefaultCredentialsProvider serverCredentials;

    /**
     * @param stsEndpoint the STS endpoint, or null for AWS's regional one
     * @param timeout the connect and read timeout towards STS
     */
    public RoleSessions(URI stsEndpoint, Duration timeout) {
        this.stsEndpoint = stsEndpoint;
        this.timeout = timeout;
    }

    /** The assumed role of one datasource, as credentials for its S3 client and presigner. */
    static final class Session implements AwsCredentialsProvider, SdkAutoCloseable {

        private final StsClient sts;
        private final StsAssumeRoleCredentialsProvider provider;

        private Session(StsClient sts, StsAssumeRoleCredentialsProvider provider) {
            this.sts = sts;
            this.provider = provider;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            return provider.resolveCredentials();
        }

        @Override
        public void close() {
            provider.close();
            sts.close();
        }
    }

    /**
     * A session for a role; nothing is asked of STS until it is first used.
     *
     * @param sessionName what CloudTrail shows for the session (2 to 64 of {@code [\w+=,.@-]})
     */
    synchronized Session assume(
            String region, String roleArn, String externalId, String sessionName) {
        if (serverCredentials == null) {
            serverCredentials = DefaultCredentialsProvider.builder().build();
        }
        StsClientBuilder builder =
                StsClient.builder()
                        .region(Region.of(region))
                        .credentialsProvider(serverCredentials)
                        .httpClientBuilder(
                                ApacheHttpClient.builder()
                                        .connectionTimeout(timeout)
                                        .socketTimeout(timeout)
                                        .maxConnections(2))
                        .overrideConfiguration(
                                o ->
                                        o.apiCallTimeout(timeout.multipliedBy(3))
                                                .retryStrategy(S3Clients.RETRY));
        if (stsEndpoint != null) {
            builder.endpointOverride(stsEndpoint);
        }
        StsClient sts = builder.build();
        StsAssumeRoleCredentialsProvider provider =
                StsAssumeRoleCredentialsProvider.builder()
                        .stsClient(sts)
                        .refreshRequest(
                                r ->
                                        r.roleArn(roleArn)
                                                .externalId(externalId)
                                                .roleSessionName(sessionName)
                                                .durationSeconds((int) SESSION.toSeconds()))
                        .prefetchTime(PREFETCH)
                        .staleTime(STALE)
                        .build();
        return new Session(sts, provider);
    }

    @Override
    public synchronized void close() {
        if (serverCredentials != null) {
            serverCredentials.close();
        }
    }
}
