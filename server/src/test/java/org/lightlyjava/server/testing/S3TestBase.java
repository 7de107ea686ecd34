package org.lightlyjava.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A real server and a real S3 server (S3Proxy) per test class; buckets per test. */
public abstract class S3TestBase extends ServerTestBase {

    private static final AtomicInteger BUCKETS = new AtomicInteger();

    protected S3Server s3;

    @BeforeAll
    void startS3() {
        s3 = S3Server.start();
    }

    @AfterAll
    void stopS3() {
        if (s3 != null) {
            s3.close();
        }
    }

    /** A new empty bucket. */
    protected String newBucket() {
        String bucket = "bucket-" + BUCKETS.incrementAndGet();
        s3.createBucket(bucket);
        return bucket;
    }

    /** An S3 datasource body for the test S3 server, with the right keys. */
    protected Map<String, Object> s3Config(String fullPath) {
        return Fixtures.body(
                "type",
                "S3",
                "purpose",
                "INPUT_OUTPUT",
                "fullPath",
                fullPath,
                "s3Region",
                "us-east-1",
                "s3AccessKeyId",
                S3Server.ACCESS_KEY,
                "s3SecretAccessKey",
                S3Server.SECRET_KEY,
                "s3EndpointUrl",
                s3.endpoint());
    }

    /** PUTs a datasource and expects 200. */
    protected void setDatasource(Api api, String datasetId, Object body) {
        Response r = api.put("/v1/datasets/" + datasetId + "/datasource", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
}
