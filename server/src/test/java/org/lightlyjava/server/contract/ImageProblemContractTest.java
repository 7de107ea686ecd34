package org.lightlyjava.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * lightly-java's {@code GET .../samples/{sampleId}/imageProblem?type=}: where an image comes from
 * and, when it cannot be read, the storage's own reason (what the web page writes on a tile).
 */
class ImageProblemContractTest extends S3TestBase {

    private String sample(String ds, String fileName) {
        Response r =
                alice.post(
                        "/v1/datasets/" + ds + "/samples/batch",
                        new SampleBatchRequest(List.of(Fixtures.sample(fileName)), "none"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.as(SampleBatchResponse.class).samples().get(0).id();
    }

    private JsonNode problem(String ds, String sampleId, String type) {
        Response r =
                alice.get(
                        "/v1/datasets/"
                                + ds
                                + "/samples/"
                                + sampleId
                                + "/imageProblem?type="
                                + type);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void readableObject_isReadable_missingOne_saysNoSuchKeyAndTheKey() {
        String bucket = newBucket();
        s3.put(bucket, "p/a.jpg", new byte[] {1, 2});
        String ds = newDataset();
        setDatasource(alice, ds, s3Config("s3://" + bucket + "/p/"));
        String a = sample(ds, "a.jpg");
        JsonNode full = problem(ds, a, "full");
        assertThat(full.get("readable").asBoolean()).isTrue();
        assertThat(full.get("source").asText()).isEqualTo("S3 datasource s3://" + bucket + "/p/");
        JsonNode thumb = problem(ds, a, "thumbnail");
        assertThat(thumb.get("readable").asBoolean()).isFalse();
        assertThat(thumb.get("reason").asText())
                .startsWith("S3: NoSuchKey")
                .endsWith("(key p/.lightly/thumbnails/a_thumb.jpg)");
    }

    @Test
    void wrongKeys_sayWhatS3Says_withoutTheSecret() {
        String ds = newDataset();
        Map<String, Object> broken = s3Config("s3://" + newBucket() + "/p/");
        broken.put("s3SecretAccessKey", "wrong-secret-wrong-secret");
        setDatasource(alice, ds, broken);
        JsonNode thumb = problem(ds, sample(ds, "a.jpg"), "thumbnail");
        assertThat(thumb.get("reason").asText())
                .contains("SignatureDoesNotMatch")
                .doesNotContain("wrong-secret");
    }

    @Test
    void unreachableEndpoint_saysSo() {
        String ds = newDataset();
        Map<String, Object> config = s3Config("s3://" + newBucket() + "/p/");
        config.put("s3EndpointUrl", "http://127.0.0.1:1");
        setDatasource(alice, ds, config);
        assertThat(problem(ds, sample(ds, "a.jpg"), "full").get("reason").asText())
                .startsWith("S3 unreachable: cannot reach http://127.0.0.1:1");
    }

    @Test
    void withoutDatasource_theServersOwnCopy_orNeverUploaded() {
        String ds = newDataset();
        Response r =
                alice.post(
                        "/v1/datasets/" + ds + "/samples/batch",
                        new SampleBatchRequest(List.of(Fixtures.sample("t.jpg")), "thumbnail"));
        SampleBatchResponse.Item item = r.as(SampleBatchResponse.class).samples().get(0);
        Api.putUrl(item.thumbWriteUrl(), new byte[] {1});
        assertThat(problem(ds, item.id(), "thumbnail").get("source").asText()).isEqualTo("server");
        JsonNode full = problem(ds, item.id(), "full");
        assertThat(full.get("source").asText()).isEqualTo("none");
        assertThat(full.get("reason").asText()).contains("never uploaded");
    }

    @Test
    void badRequests_are4xx() {
        String ds = newDataset();
        String a = sample(ds, "a.jpg");
        Response type =
                alice.get("/v1/datasets/" + ds + "/samples/" + a + "/imageProblem?type=huge");
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.message()).contains("type");
        assertThat(
                        alice.get(
                                        "/v1/datasets/"
                                                + ds
                                                + "/samples/0123456789abcdef01234567/imageProblem")
                                .status())
                .isEqualTo(404);
        assertThat(bob.get("/v1/datasets/" + ds + "/samples/" + a + "/imageProblem").status())
                .isIn(403, 404);
    }
}
