package org.lightlyjava.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.model.SampleBatchRequest;
import org.lightlyjava.api.model.SampleBatchResponse;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.S3TestBase;

/**
 * lightly-java's {@code DELETE /v1/datasets/{id}/datasource} (Lightly has no such route), and what
 * a saved datasource, broken or not, leaves visible: a thumbnail the server holds is always shown
 * from the server.
 */
class DatasourceRemovalContractTest extends S3TestBase {

    private static final byte[] SERVER_THUMB = {'R', 'I', 'F', 'F', 1, 1, 1, 1, 'W', 'E', 'B', 'P'};
    private static final byte[] BUCKET_THUMB = {'R', 'I', 'F', 'F', 2, 2, 2, 2, 'W', 'E', 'B', 'P'};

    private SampleBatchResponse.Item sample(String ds, String mode, String fileName) {
        Response r =
                alice.post(
                        "/v1/datasets/" + ds + "/samples/batch",
                        new SampleBatchRequest(List.of(Fixtures.sample(fileName)), mode));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.as(SampleBatchResponse.class).samples().get(0);
    }

    /** A sample whose thumbnail was uploaded to the server, before any datasource. */
    private String serverSample(String ds, String fileName) {
        SampleBatchResponse.Item item = sample(ds, "thumbnail", fileName);
        assertThat(Api.putUrl(item.thumbWriteUrl(), SERVER_THUMB).status()).isEqualTo(200);
        return item.id();
    }

    private Response thumbnail(String ds, String sampleId) {
        return alice.get("/v1/datasets/" + ds + "/samples/" + sampleId + "/readurl?type=thumbnail");
    }

    @Test
    void remove_keepsTheDataset_andSamplesFallBackToWhatTheServerHolds() {
        String bucket = newBucket();
        s3.put(bucket, "p/a.jpg", new byte[] {1});
        s3.put(bucket, "p/.lightly/thumbnails/a_thumb.jpg", BUCKET_THUMB);
        String ds = newDataset();
        String b = serverSample(ds, "b.jpg");
        setDatasource(alice, ds, s3Config("s3://" + bucket + "/p/"));
        String a = sample(ds, "none", "a.jpg").id();
        Response tagged =
                alice.post(
                        "/v1/datasets/" + ds + "/tags/initial",
                        Fixtures.body("imgType", "meta", "creator", "USER_PIP"));
        assertThat(tagged.status()).as(tagged.body()).isEqualTo(200);
        assertThat(Api.getBytes(thumbnail(ds, a).string())).isEqualTo(BUCKET_THUMB);

        Response removed = alice.delete("/v1/datasets/" + ds + "/datasource");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);

        assertThat(alice.get("/v1/datasets/" + ds + "/datasource").code())
                .isEqualTo("DATASET_DATASOURCE_UNKNOWN");
        assertThat(Api.getBytes(thumbnail(ds, b).string())).isEqualTo(SERVER_THUMB);
        Response gone = thumbnail(ds, a);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.message()).contains("never uploaded");
        assertThat(alice.get("/v1/datasets/" + ds + "/samples").json()).hasSize(2);
        assertThat(alice.get("/v1/datasets/" + ds + "/tags").json()).hasSize(1);
        assertThat(s3.keys(bucket)).as("the bucket is left alone").hasSize(2);
    }

    @Test
    void brokenDatasource_neverHidesAThumbnailTheServerHolds() {
        String ds = newDataset();
        String b = serverSample(ds, "b.jpg");
        Map<String, Object> broken = s3Config("s3://" + newBucket() + "/p/");
        broken.put("s3SecretAccessKey", "wrong-secret-wrong-secret");
        setDatasource(alice, ds, broken);
        assertThat(Api.getBytes(thumbnail(ds, b).string())).isEqualTo(SERVER_THUMB);
        Response redirect =
                alice.get(
                        "/v1/datasets/" + ds + "/samples/" + b + "/readurlRedirect?type=thumbnail");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(Api.getBytes(redirect.headers().firstValue("Location").orElseThrow()))
                .isEqualTo(SERVER_THUMB);
    }

    @Test
    void removeOneOfTwoPurposes_keepsTheOther() {
        String ds = newDataset();
        Map<String, Object> lightly = s3Config("s3://" + newBucket() + "/out/");
        lightly.put("purpose", "LIGHTLY");
        setDatasource(alice, ds, s3Config("s3://" + newBucket() + "/in/"));
        setDatasource(alice, ds, lightly);
        Response r = alice.delete("/v1/datasets/" + ds + "/datasource?purpose=LIGHTLY");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(alice.get("/v1/datasets/" + ds + "/datasource/all").json()).hasSize(1);
        assertThat(alice.get("/v1/datasets/" + ds + "/datasource").status()).isEqualTo(200);
    }

    @Test
    void badRemovals_are4xx_withLightlysErrorShape_andRemoveNothing() {
        String ds = newDataset();
        setDatasource(alice, ds, s3Config("s3://" + newBucket() + "/in/"));

        Response purpose = alice.delete("/v1/datasets/" + ds + "/datasource?purpose=OUTPUT");
        assertThat(purpose.status()).isEqualTo(400);
        assertThat(purpose.message()).contains("purpose");

        Response none = alice.delete("/v1/datasets/" + ds + "/datasource?purpose=INPUT");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.code()).isEqualTo("DATASET_DATASOURCE_UNKNOWN");

        assertThat(alice.delete("/v1/datasets/0123456789abcdef01234567/datasource").status())
                .isEqualTo(404);
        assertThat(bob.delete("/v1/datasets/" + ds + "/datasource").status()).isIn(403, 404);
        assertThat(anonymous.delete("/v1/datasets/" + ds + "/datasource").status()).isEqualTo(401);

        assertThat(alice.get("/v1/datasets/" + ds + "/datasource").status()).isEqualTo(200);
    }
}
