package org.lightlyjava.server.testing;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3-protocol server in-process (S3Proxy, transient store) on a free loopback port, checking
 * SigV4 signatures against one key pair. Test data goes straight into its store (fast); the server
 * under test talks S3 over HTTP.
 */
public final class S3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "AKIDLIGHTLYTEST01";
    public static final String SECRET_KEY = "lightly-test-secret/Key+0123456789abcdefXYZ";

    private final S3Proxy proxy;
    private final BlobStore store;

    private S3Server(S3Proxy proxy, BlobStore store) {
        this.proxy = proxy;
        this.store = store;
    }

    public static S3Server start() {
        return start(false);
    }

    /**
     * @param sessionTokens whether requests may carry {@code X-Amz-Security-Token} (temporary
     *     credentials), which S3Proxy otherwise refuses as an unknown header; it checks their
     *     signature with the same key pair
     */
    public static S3Server start(boolean sessionTokens) {
        BlobStore store = BlobStores.create("transient", new Properties());
        S3Proxy proxy =
                S3Proxy.builder()
                        .blobStore(store)
                        .endpoint(URI.create("http://127.0.0.1:0"))
                        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                        .stopTimeout(0)
                        .ignoreUnknownHeaders(sessionTokens)
                        .build();
        try {
            proxy.start();
            while (!proxy.getState().equals("STARTED")) {
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new AssertionError("S3Proxy did not start", e);
        }
        return new S3Server(proxy, store);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    public void createBucket(String bucket) {
        store.createContainer(bucket);
    }

    public void put(String bucket, String key, byte[] bytes) {
        store.putBlob(
                PutObjectRequest.builder()
                        .bucket(bucket)
                        .key(key)
                        .contentLength((long) bytes.length)
                        .build(),
                new ByteArrayInputStream(bytes));
    }

    public boolean exists(String bucket, String key) {
        return store.blobExists(bucket, key);
    }

    public byte[] get(String bucket, String key) {
        try (var in = store.getBlob(bucket, key)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Every key of the bucket. */
    public List<String> keys(String bucket) {
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            final String page = token;
            ListObjectsV2Response listed =
                    store.list(
                            software.amazon.awssdk.services.s3.model.ListObjectsV2Request.builder()
                                    .bucket(bucket)
                                    .continuationToken(page)
                                    .build());
            listed.contents().stream().map(S3Object::key).forEach(keys::add);
            token =
                    Boolean.TRUE.equals(listed.isTruncated())
                            ? listed.nextContinuationToken()
                            : null;
        } while (token != null);
        return keys;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new AssertionError("S3Proxy did not stop", e);
        }
    }
}
