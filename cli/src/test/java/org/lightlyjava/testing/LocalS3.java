package org.lightlyjava.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-protocol server in-process: S3Proxy over its in-memory ("transient") store on a
 * loopback port, checking signatures against {@link #ACCESS_KEY}/{@link #SECRET_KEY}, plus a client
 * for setting up buckets. Start one per test class; {@link #close()} stops it at once.
 */
public final class LocalS3 implements AutoCloseable {

    public static final String ACCESS_KEY = "AKIDLIGHTLYJAVATEST";
    public static final String SECRET_KEY = "lightly-java-test-secret";

    private final S3Proxy proxy;
    private final URI endpoint;
    private final S3Client client;

    private LocalS3(S3Proxy proxy) {
        this.proxy = proxy;
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        this.client = client(ACCESS_KEY, SECRET_KEY);
    }

    public static LocalS3 start() throws Exception {
        S3Proxy proxy =
                S3Proxy.builder()
                        .blobStore(BlobStores.create("transient", new Properties()))
                        .endpoint(URI.create("http://127.0.0.1:0"))
                        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                        .stopTimeout(0)
                        .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        return new LocalS3(proxy);
    }

    /** {@code http://127.0.0.1:<port>}: the {@code endpoint_url}. */
    public URI endpoint() {
        return endpoint;
    }

    /** A client with the right credentials. */
    public S3Client client() {
        return client;
    }

    /** A new client (close it) with the given credentials, explicit region, path-style. */
    public S3Client client(String accessKey, String secretKey) {
        return S3Client.builder()
                .httpClientBuilder(ApacheHttpClient.builder())
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(accessKey, secretKey)))
                .build();
    }

    public void createBucket(String bucket) {
        client.createBucket(request -> request.bucket(bucket));
    }

    public void put(String bucket, String key, byte[] bytes) {
        client.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    /** Puts every regular file under {@code dir} at {@code prefix + its relative path}. */
    public void upload(Path dir, String bucket, String prefix) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = walk.filter(Files::isRegularFile).toList();
            for (Path file : files) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                put(bucket, prefix + relative, Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        client.close();
        proxy.stop();
    }
}
