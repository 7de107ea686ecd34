package org.lightlyjava.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.model.SampleBatchRequest;
import org.lightlyjava.api.model.SampleBatchResponse;
import org.lightlyjava.api.model.SampleCreateRequest;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/** The lightly-java extension {@code POST /v1/datasets/{id}/samples/batch}. */
class BatchRouteTest extends ServerTestBase {

    private SampleBatchResponse batch(String ds, List<SampleCreateRequest> samples, String mode) {
        Response r =
                alice.post(
                        "/v1/datasets/" + ds + "/samples/batch",
                        new SampleBatchRequest(samples, mode));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.as(SampleBatchResponse.class);
    }

    private static List<SampleCreateRequest> named(String... names) {
        List<SampleCreateRequest> out = new ArrayList<>();
        for (String name : names) {
            out.add(Fixtures.sample(name));
        }
        return out;
    }

    @Test
    void sameBatchTwice_givesTheSameIdsAndCreatedOnlyOnce() {
        String ds = newDataset();
        SampleBatchResponse first = batch(ds, named("a.jpg", "b.jpg", "c.jpg"), "none");
        SampleBatchResponse second = batch(ds, named("a.jpg", "b.jpg", "c.jpg"), "none");
        assertThat(first.samples())
                .extracting(SampleBatchResponse.Item::created)
                .containsOnly(true);
        assertThat(second.samples())
                .extracting(SampleBatchResponse.Item::created)
                .containsOnly(false);
        assertThat(second.samples())
                .extracting(SampleBatchResponse.Item::id)
                .isEqualTo(first.samples().stream().map(SampleBatchResponse.Item::id).toList());
        assertThat(first.samples())
                .extracting(SampleBatchResponse.Item::fileName)
                .containsExactly("a.jpg", "b.jpg", "c.jpg");
        assertThat(first.samples().get(0).thumbWriteUrl()).isNull();
        assertThat(alice.get("/v1/datasets/" + ds).json().get("nSamples").asInt()).isEqualTo(3);
    }

    @Test
    void writeUrls_comeOnlyForBlobsTheServerLacks() {
        String ds = newDataset();
        List<SampleCreateRequest> samples = new ArrayList<>(named("a.jpg", "b.jpg"));
        samples.add(new SampleCreateRequest("corrupt.jpg", null, null, Fixtures.metaData(1), null));
        SampleBatchResponse first = batch(ds, samples, "thumbnail");
        assertThat(first.samples().get(0).thumbWriteUrl()).isNotNull();
        assertThat(first.samples().get(0).fullWriteUrl()).isNull();
        assertThat(first.samples().get(2).thumbWriteUrl()).as("no thumbName").isNull();

        byte[] thumb = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'};
        assertThat(Api.putUrl(first.samples().get(0).thumbWriteUrl(), thumb).status())
                .isEqualTo(200);

        SampleBatchResponse again = batch(ds, samples, "thumbnail");
        assertThat(again.samples().get(0).thumbWriteUrl()).as("held now").isNull();
        assertThat(again.samples().get(1).thumbWriteUrl()).as("still missing").isNotNull();

        SampleBatchResponse full = batch(ds, samples, "full");
        assertThat(full.samples().get(0).thumbWriteUrl()).isNull();
        assertThat(full.samples().get(0).fullWriteUrl()).isNotNull();
        assertThat(full.samples().get(1).thumbWriteUrl()).isNotNull();
        assertThat(full.samples().get(2).fullWriteUrl()).isNotNull();
    }

    @Test
    void mixedBatch_createsOnlyTheNewOnesInRequestOrder() {
        String ds = newDataset();
        batch(ds, named("b.jpg"), "none");
        SampleBatchResponse r = batch(ds, named("c.jpg", "b.jpg", "a.jpg"), "none");
        assertThat(r.samples())
                .extracting(SampleBatchResponse.Item::created)
                .containsExactly(true, false, true);
        assertThat(alice.get("/v1/datasets/" + ds + "/mappings?field=fileName").json())
                .extracting(n -> n.asText())
                .containsExactly("b.jpg", "c.jpg", "a.jpg");
    }

    @Test
    void badBatches_areRefusedWhole() {
        String ds = newDataset();
        String path = "/v1/datasets/" + ds + "/samples/batch";
        List<SampleCreateRequest> tooMany = new ArrayList<>();
        for (int i = 0; i <= SampleBatchRequest.MAX_SAMPLES; i++) {
            tooMany.add(Fixtures.sample("s" + i + ".jpg"));
        }
        assertThat(alice.post(path, new SampleBatchRequest(tooMany, "none")).message())
                .contains("at most 1000");
        assertThat(
                        alice.post(path, new SampleBatchRequest(named("a.jpg", "a.jpg"), "none"))
                                .message())
                .contains("twice");
        List<SampleCreateRequest> oneBad = new ArrayList<>(named("ok.jpg"));
        oneBad.add(new SampleCreateRequest("", null, null, null, null));
        assertThat(alice.post(path, new SampleBatchRequest(oneBad, "none")).message())
                .contains("samples[1].fileName");
        assertThat(alice.post(path, new SampleBatchRequest(named("x.jpg"), "some")).status())
                .isEqualTo(400);
        assertThat(alice.post(path, Fixtures.body("writeUrls", "none")).status()).isEqualTo(400);
        assertThat(
                        alice.post(path, new SampleBatchRequest(List.of(), "none"))
                                .json()
                                .get("samples"))
                .isEmpty();
        assertThat(alice.get("/v1/datasets/" + ds).json().get("nSamples").asInt()).isZero();
    }
}
