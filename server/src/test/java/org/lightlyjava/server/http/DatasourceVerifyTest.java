package org.lightlyjava.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.model.DatasourceConfigVerifyData;
import org.lightlyjava.server.ServerSettings;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.S3TestBase;

/** {@code GET .../datasource/verify}: the lights, from really talking to S3 (S3Proxy). */
class DatasourceVerifyTest extends S3TestBase {

    @Override
    protected ServerSettings.Builder settings(ServerSettings.Builder builder) {
        return builder.s3Timeout(Duration.ofSeconds(1));
    }

    private DatasourceConfigVerifyData verify(Map<String, Object> config) {
        String ds = newDataset();
        setDatasource(alice, ds, config);
        Response r = alice.get("/v1/datasets/" + ds + "/datasource/verify");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.as(DatasourceConfigVerifyData.class);
    }

    @Test
    void rightKeys_allGreen_andTheProbeObjectIsGone() {
        String bucket = newBucket();
        s3.put(bucket, "farm/cow.jpg", new byte[] {1, 2, 3});
        DatasourceConfigVerifyData v = verify(s3Config("s3://" + bucket + "/farm/"));
        assertThat(v.canList()).isTrue();
        assertThat(v.canRead()).isTrue();
        assertThat(v.canWrite()).isTrue();
        assertThat(v.canOverwrite()).isTrue();
        assertThat(v.errors()).isNull();
        assertThat(s3.keys(bucket)).containsExactly("farm/cow.jpg");
    }

    @Test
    void emptyObject_isReadable() {
        String bucket = newBucket();
        s3.put(bucket, "empty.jpg", new byte[0]);
        assertThat(verify(s3Config("s3://" + bucket + "/")).canRead()).isTrue();
    }

    @Test
    void emptyPrefix_readIsRed_sayingSo() {
        String bucket = newBucket();
        DatasourceConfigVerifyData v = verify(s3Config("s3://" + bucket + "/nothing-here/"));
        assertThat(v.canList()).isTrue();
        assertThat(v.canRead()).isFalse();
        assertThat(v.errors().get("canRead")).contains("no object under");
        assertThat(v.canWrite()).isTrue();
    }

    @Test
    void wrongSecret_everyLightRed_withSignatureDoesNotMatch() {
        String bucket = newBucket();
        s3.put(bucket, "a.jpg", new byte[] {1});
        Map<String, Object> config = s3Config("s3://" + bucket + "/");
        config.put("s3SecretAccessKey", "wrong-secret-wrong-secret");
        DatasourceConfigVerifyData v = verify(config);
        assertAllRed(v, "SignatureDoesNotMatch");
        assertThat(v.errors().toString()).doesNotContain("wrong-secret-wrong-secret");
    }

    @Test
    void wrongAccessKey_everyLightRed_withInvalidAccessKeyId() {
        String bucket = newBucket();
        Map<String, Object> config = s3Config("s3://" + bucket + "/");
        config.put("s3AccessKeyId", "AKIDNOBODY");
        assertAllRed(verify(config), "InvalidAccessKeyId");
    }

    @Test
    void unknownBucket_everyLightRed_withNoSuchBucket() {
        assertAllRed(verify(s3Config("s3://no-such-bucket-here/")), "NoSuchBucket");
    }

    @Test
    void refusedConnection_isRedAtOnce() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, Object> config = s3Config("s3://bucket/");
        config.put("s3EndpointUrl", "http://127.0.0.1:" + port);
        long start = System.nanoTime();
        DatasourceConfigVerifyData v = verify(config);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertAllRed(v, "cannot reach http://127.0.0.1:" + port);
    }

    @Test
    void silentEndpoint_isRedAfterOneTimeout_notFourTimeouts() throws IOException {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor =
                    new Thread(
                            () -> {
                                try {
                                    while (true) {
                                        accepted.add(silent.accept()); // and never answer
                                    }
                                } catch (IOException e) {
                                    // closed
                                }
                            });
            acceptor.setDaemon(true);
            acceptor.start();
            Map<String, Object> config = s3Config("s3://bucket/");
            config.put("s3EndpointUrl", "http://127.0.0.1:" + silent.getLocalPort());
            long start = System.nanoTime();
            DatasourceConfigVerifyData v = verify(config);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(4));
            assertAllRed(v, "cannot reach");
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    private static void assertAllRed(DatasourceConfigVerifyData v, String reason) {
        assertThat(v.canList()).isFalse();
        assertThat(v.canRead()).isFalse();
        assertThat(v.canWrite()).isFalse();
        assertThat(v.canOverwrite()).isFalse();
        assertThat(v.errors())
                .containsOnlyKeys("canList", "canRead", "canWrite", "canOverwrite")
                .allSatisfy((light, why) -> assertThat(why).as(light).contains(reason));
    }
}
