package org.lightlyjava.s3;

import java.net.URI;
import java.net.URISyntaxException;
import org.lightlyjava.dataset.DatasetException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the S3 client of {@code input_dir=s3://...}: the SDK's default credential chain (system
 * properties, environment, web identity, profiles, container and instance roles), the Apache HTTP
 * client with a connection for every reading thread, and {@code endpoint_url} for S3-compatible
 * stores.
 */
final class S3Clients {

    private S3Clients() {}

    /**
     * A client for AWS S3 ({@code endpointUrl} empty) or an S3-compatible store.
     *
     * <p>Region: from the chain; {@code us-east-1} when it finds none. With an endpoint the chain
     * skips the EC2 instance metadata (an S3-compatible store has no AWS region) and requests use
     * path-style addressing; without one, requests follow a bucket into its region.
     *
     * @param connections the most requests at once (every reading thread's, so none waits)
     * @throws DatasetException when {@code endpointUrl} is no http(s) URL
     */
    static S3Client create(String endpointUrl, int connections) {
        S3ClientBuilder builder =
                S3Client.builder()
                        .httpClientBuilder(
                                ApacheHttpClient.builder()
                                        .maxConnections(Math.max(50, connections)));
        if (endpointUrl.isEmpty()) {
            return builder.region(region(new DefaultAwsRegionProviderChain()))
                    .crossRegionAccessEnabled(true)
                    .build();
        }
        return builder.region(
                        region(
                                new AwsRegionProviderChain(
                                        new SystemSettingsRegionProvider(),
                                        new AwsProfileRegionProvider())))
                .endpointOverride(endpoint(endpointUrl))
                .forcePathStyle(true)
                .build();
    }

    private static Region region(AwsRegionProvider chain) {
        try {
            return chain.getRegion();
        } catch (SdkClientException e) {
            return Region.US_EAST_1;
        }
    }

    private static URI endpoint(String url) {
        try {
            URI uri = new URI(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new DatasetException(
                "endpoint_url=" + url + " is no http(s) URL; write for example http://host:9000");
    }
}
