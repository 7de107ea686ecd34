package org.lightlyjava.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.model.SampleBatchRequest;
import org.lightlyjava.api.model.SampleBatchResponse;
import org.lightlyjava.api.model.SampleCreateRequest;
import org.lightlyjava.api.model.SampleWriteUrls;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.S3TestBase;

/** Sample read and write URLs of a dataset with an S3 datasource: presigned, into the bucket. */
class DatasourceSampleUrlsTest extends S3TestBase {

    private static final byte[] IMAGE = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3};
    private static final byte[] THUMB = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'};

    private SampleBatchResponse batch(String ds, String mode, String... names) {
        List<SampleCreateRequest> samples =
                java.util.Arrays.stream(names).map(Fixtures::sample).toList();
        Response r =
                alice.post(
                        "/v1/datasets/" + ds + "/samples/batch",
                        new SampleBatchRequest(samples, mode));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.as(SampleBatchResponse.class);
    }

    private String sampleUrl(String ds, String sampleId, String rest) {
        Response r = alice.get("/v1/datasets/" + ds + "/samples/" + sampleId + rest);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.string();
    }

    private String datasetOn(String bucket, Map<String, Object> config) {
        String ds = newDataset();
        setDatasource(alice, ds, config == null ? s3Config("s3://" + bucket + "/p/") : config);
        return ds;
    }

    @Test
    void readurlFull_worksForEverySample_whoseImageIsInTheBucket() {
        String bucket = newBucket();
        s3.put(bucket, "p/cats/a.jpg", IMAGE);
        String ds = datasetOn(bucket, null);
        String id = batch(ds, "none", "cats/a.jpg").samples().get(0).id();

        String url = sampleUrl(ds, id, "/readurl?type=full");
        assertThat(URI.create(url).getPath()).isEqualTo("/" + bucket + "/p/cats/a.jpg");
        assertThat(Api.getBytes(url)).isEqualTo(IMAGE);
        assertThat(Api.getBytes(sampleUrl(ds, id, "/readurl"))).isEqualTo(IMAGE);

        Response redirect =
                alice.get("/v1/datasets/" + ds + "/samples/" + id + "/readurlRedirect?type=full");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(Api.getBytes(redirect.headers().firstValue("Location").orElseThrow()))
                .isEqualTo(IMAGE);
    }

    @Test
    void readurlThumbnail_pointsWhereTheThumbSuffixSays_keepingFolders() {
        String bucket = newBucket();
        s3.put(bucket, "p/cats/a.jpg", IMAGE);
        s3.put(bucket, "p/.lightly/thumbnails/cats/a_thumb.jpg", THUMB);
        String ds = datasetOn(bucket, null);
        String id = batch(ds, "none", "cats/a.jpg").samples().get(0).id();

        String url = sampleUrl(ds, id, "/readurl?type=thumbnail");
        assertThat(URI.create(url).getPath())
                .isEqualTo("/" + bucket + "/p/.lightly/thumbnails/cats/a_thumb.jpg");
        assertThat(Api.getBytes(url)).isEqualTo(THUMB);
    }

    @Test
    void emptyThumbSuffix_showsTheFullImage_andTheBatchAsksForNoThumbnails() {
        String bucket = newBucket();
        s3.put(bucket, "p/a.jpg", IMAGE);
        Map<String, Object> config = s3Config("s3://" + bucket + "/p/");
        config.put("thumbSuffix", "");
        String ds = datasetOn(bucket, config);
        SampleBatchResponse created = batch(ds, "thumbnail", "a.jpg");
        assertThat(created.samples().get(0).thumbWriteUrl()).isNull();
        String id = created.samples().get(0).id();
        assertThat(Api.getBytes(sampleUrl(ds, id, "/readurl?type=thumbnail"))).isEqualTo(IMAGE);
    }

    @Test
    void writeurlThumbnail_putWithoutContentType_landsAtTheThumbSuffixKey() {
        String bucket = newBucket();
        String ds = datasetOn(bucket, null);
        String id = batch(ds, "none", "dogs/b.png").samples().get(0).id();

        String url = sampleUrl(ds, id, "/writeurl?isThumbnail=true");
        assertThat(url).startsWith(s3.endpoint()).doesNotContain(alice.token());
        assertThat(Api.putUrl(url, THUMB).status()).isEqualTo(200);
        assertThat(s3.get(bucket, "p/.lightly/thumbnails/dogs/b_thumb.png")).isEqualTo(THUMB);
        assertThat(Api.getBytes(sampleUrl(ds, id, "/readurl?type=thumbnail"))).isEqualTo(THUMB);

        Response urls = alice.get("/v1/datasets/" + ds + "/samples/" + id + "/writeurls");
        SampleWriteUrls both = urls.as(SampleWriteUrls.class);
        assertThat(Api.putUrl(both.full(), IMAGE).status()).isEqualTo(200);
        assertThat(s3.get(bucket, "p/dogs/b.png")).isEqualTo(IMAGE);
    }

    @Test
    void batch_thumbWriteUrl_landsInTheBucket_andStopsOnceTheObjectExists() {
        String bucket = newBucket();
        String ds = datasetOn(bucket, null);
        SampleBatchResponse first = batch(ds, "thumbnail", "x/1.jpg", "x/2.jpg", "y/3.jpg");
        assertThat(first.samples()).allSatisfy(s -> assertThat(s.thumbWriteUrl()).isNotNull());
        assertThat(first.samples()).allSatisfy(s -> assertThat(s.fullWriteUrl()).isNull());

        assertThat(Api.putUrl(first.samples().get(0).thumbWriteUrl(), THUMB).status())
                .isEqualTo(200);
        assertThat(Api.putUrl(first.samples().get(2).thumbWriteUrl(), THUMB).status())
                .isEqualTo(200);
        assertThat(s3.keys(bucket))
                .contains(
                        "p/.lightly/thumbnails/x/1_thumb.jpg",
                        "p/.lightly/thumbnails/y/3_thumb.jpg");

        SampleBatchResponse again = batch(ds, "thumbnail", "x/1.jpg", "x/2.jpg", "y/3.jpg");
        assertThat(again.samples().get(0).thumbWriteUrl()).as("in the bucket").isNull();
        assertThat(again.samples().get(1).thumbWriteUrl()).as("still missing").isNotNull();
        assertThat(again.samples().get(2).thumbWriteUrl()).as("in the bucket").isNull();
    }

    @Test
    void batch_fullWriteUrl_onlyForImagesNotInTheBucket() {
        String bucket = newBucket();
        s3.put(bucket, "p/have.jpg", IMAGE);
        String ds = datasetOn(bucket, null);
        SampleBatchResponse r = batch(ds, "full", "have.jpg", "missing.jpg");
        assertThat(r.samples().get(0).fullWriteUrl()).isNull();
        String put = r.samples().get(1).fullWriteUrl();
        assertThat(Api.putUrl(put, IMAGE).status()).isEqualTo(200);
        assertThat(s3.get(bucket, "p/missing.jpg")).isEqualTo(IMAGE);
        assertThat(batch(ds, "full", "have.jpg", "missing.jpg").samples())
                .allSatisfy(s -> assertThat(s.fullWriteUrl()).isNull());
    }

    @Test
    void lightlyPurpose_takesTheThumbnails_inputOnly_isReadOnly() {
        String in = newBucket();
        String out = newBucket();
        s3.put(in, "img.jpg", IMAGE);
        String ds = newDataset();
        Map<String, Object> input = s3Config("s3://" + in + "/");
        input.put("purpose", "INPUT");
        setDatasource(alice, ds, input);
        SampleBatchResponse created = batch(ds, "full", "img.jpg");
        String id = created.samples().get(0).id();
        assertThat(created.samples().get(0).fullWriteUrl())
                .as("INPUT is read-only")
                .startsWith(alice.base());
        assertThat(created.samples().get(0).thumbWriteUrl()).startsWith(alice.base());
        assertThat(Api.getBytes(sampleUrl(ds, id, "/readurl?type=full"))).isEqualTo(IMAGE);

        Map<String, Object> lightly = s3Config("s3://" + out + "/lightly/");
        lightly.put("purpose", "LIGHTLY");
        setDatasource(alice, ds, lightly);
        String thumb = sampleUrl(ds, id, "/writeurl?isThumbnail=true");
        assertThat(Api.putUrl(thumb, THUMB).status()).isEqualTo(200);
        assertThat(s3.keys(out)).containsExactly("lightly/.lightly/thumbnails/img_thumb.jpg");
    }

    @Test
    void fileNamesThatLeaveTheFullPath_areRefused_beforeAnythingIsStored() {
        String bucket = newBucket();
        String ds = datasetOn(bucket, null);
        Response r =
                alice.post(
                        "/v1/datasets/" + ds + "/samples/batch",
                        new SampleBatchRequest(List.of(Fixtures.sample("../up.jpg")), "thumbnail"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("DATASET_DATASOURCE_INVALID");
        assertThat(alice.get("/v1/datasets/" + ds).json().get("nSamples").asInt()).isZero();

        String id = Fixtures.dataset(alice, "plain " + System.nanoTime());
        String sample =
                alice.post("/v1/datasets/" + id + "/samples", Fixtures.sample("/abs.jpg"))
                        .json()
                        .get("id")
                        .asText();
        setDatasource(alice, id, s3Config("s3://" + bucket + "/p/"));
        Response read =
                alice.get("/v1/datasets/" + id + "/samples/" + sample + "/readurl?type=full");
        assertThat(read.status()).isEqualTo(400);
        assertThat(read.message()).contains("fileName");
    }
}
