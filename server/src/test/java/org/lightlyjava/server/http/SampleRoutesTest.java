package org.lightlyjava.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.model.SampleCreateRequest;
import org.lightlyjava.api.model.SampleData;
import org.lightlyjava.api.model.SampleUpdateRequest;
import org.lightlyjava.server.ServerSettings;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/** {@code /samples}, {@code /samples/partial}, {@code /samples/{id}} and {@code /mappings}. */
class SampleRoutesTest extends ServerTestBase {

    @Override
    protected ServerSettings.Builder settings(ServerSettings.Builder builder) {
        return builder.maxSamplesPerDataset(5);
    }

    private String path(String dataset, String rest) {
        return "/v1/datasets/" + dataset + rest;
    }

    private String create(String dataset, SampleCreateRequest request) {
        Response r = alice.post(path(dataset, "/samples"), request);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asText();
    }

    @Test
    void create_thenGetReturnsWhatLightlysClientNeeds() {
        String ds = newDataset();
        JsonNode exif = Fixtures.json(Fixtures.body("Make", "Canon"));
        JsonNode custom =
                Fixtures.json(Fixtures.body("image_id", 0, "weather", Fixtures.body("t", 20.3)));
        String id =
                create(
                        ds,
                        new SampleCreateRequest(
                                "cats/a.jpg",
                                "cats/a_thumb.webp",
                                exif,
                                Fixtures.metaData(2048),
                                custom));

        JsonNode json = alice.get(path(ds, "/samples/" + id)).json();
        assertThat(json.get("id").asText()).isEqualTo(id);
        assertThat(json.get("type").asText()).isEqualTo("IMAGE");
        assertThat(json.get("fileName").asText()).isEqualTo("cats/a.jpg");
        SampleData sample = alice.get(path(ds, "/samples/" + id)).as(SampleData.class);
        assertThat(sample.index()).isZero();
        assertThat(sample.datasetId()).isEqualTo(ds);
        assertThat(sample.thumbName()).isEqualTo("cats/a_thumb.webp");
        assertThat(sample.exif().get("Make").asText()).isEqualTo("Canon");
        assertThat(sample.metaData().get("is_corrupted").asBoolean()).isFalse();
        assertThat(sample.customMetaData().get("weather").get("t").asDouble()).isEqualTo(20.3);
        assertThat(alice.get(path(ds, "")).json().get("sizeInBytes").asLong()).isEqualTo(2048);
    }

    @Test
    void create_duplicateFileNameAnswers409AndChangesNothing() {
        String ds = newDataset();
        String id = create(ds, Fixtures.sample("a.jpg"));
        Response again = alice.post(path(ds, "/samples"), Fixtures.sample("a.jpg"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("SAMPLE_FILENAME_EXISTS");
        assertThat(again.message()).contains("a.jpg").contains(id);
        assertThat(alice.get(path(ds, "")).json().get("nSamples").asInt()).isEqualTo(1);
    }

    @Test
    void create_refusesBadSamples() {
        String ds = newDataset();
        var meta = Fixtures.metaData(1);
        assertThat(alice.post(path(ds, "/samples"), Fixtures.body("thumbName", "x")).status())
                .isEqualTo(400);
        assertThat(alice.post(path(ds, "/samples"), Fixtures.body("fileName", "  ")).status())
                .isEqualTo(400);
        assertThat(alice.post(path(ds, "/samples"), Fixtures.body("fileName", "a\u0000b")).status())
                .isEqualTo(400);
        assertThat(
                        alice.post(
                                        path(ds, "/samples"),
                                        Fixtures.body(
                                                "fileName", "a.jpg", "metaData", List.of(1, 2)))
                                .status())
                .isEqualTo(400);
        assertThat(
                        alice.post(path(ds, "/samples"), Fixtures.body("fileName", "x".repeat(601)))
                                .status())
                .isEqualTo(400);
        assertThat(alice.postRaw(path(ds, "/samples"), "{\"fileName\": \"a.jpg\", ").code())
                .isEqualTo("MALFORMED_REQUEST");
        assertThat(
                        alice.post(
                                        path(ds, "/samples"),
                                        Fixtures.body(
                                                "fileName",
                                                "ok.jpg",
                                                "metaData",
                                                meta,
                                                "unknownField",
                                                true))
                                .status())
                .isEqualTo(200);
        assertThat(alice.get(path(ds, "")).json().get("nSamples").asInt()).isEqualTo(1);
    }

    @Test
    void create_pastTheQuotaIsRefused() {
        String ds = newDataset();
        Fixtures.samples(alice, ds, 5);
        Response r = alice.post(path(ds, "/samples"), Fixtures.sample("sixth.jpg"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("DATASET_AT_MAX_CAPACITY");
    }

    @Test
    void list_partialAndMappings_followCreationOrder() {
        String ds = newDataset();
        List<String> ids =
                List.of(
                        create(ds, Fixtures.sample("z.jpg")),
                        create(ds, Fixtures.sample("a.jpg")),
                        create(ds, Fixtures.sample("m/b.jpg")));

        JsonNode all = alice.get(path(ds, "/samples")).json();
        assertThat(all.findValuesAsText("fileName")).containsExactly("z.jpg", "a.jpg", "m/b.jpg");
        assertThat(all.findValuesAsText("index")).containsExactly("0", "1", "2");
        assertThat(
                        alice.get(path(ds, "/samples?pageSize=1&pageOffset=1"))
                                .json()
                                .findValuesAsText("fileName"))
                .containsExactly("a.jpg");
        assertThat(alice.get(path(ds, "/samples?fileName=m/b.jpg")).json().findValuesAsText("id"))
                .containsExactly(ids.get(2));
        assertThat(alice.get(path(ds, "/samples?pageOffset=3&pageSize=2")).json()).isEmpty();

        JsonNode fileNames = alice.get(path(ds, "/samples/partial?mode=fileNames")).json();
        assertThat(fileNames.get(0).size()).isEqualTo(2);
        assertThat(fileNames.findValuesAsText("id")).isEqualTo(ids);
        JsonNode onlyIds = alice.get(path(ds, "/samples/partial?mode=ids&pageSize=2")).json();
        assertThat(onlyIds).hasSize(2);
        assertThat(onlyIds.get(0).fieldNames().next()).isEqualTo("id");
        assertThat(onlyIds.get(0).size()).isEqualTo(1);
        assertThat(alice.get(path(ds, "/samples/partial?mode=full")).json().get(0).has("metaData"))
                .isTrue();
        assertThat(alice.get(path(ds, "/samples/partial?mode=other")).status()).isEqualTo(400);

        assertThat(alice.get(path(ds, "/mappings?field=fileName")).json())
                .extracting(JsonNode::asText)
                .containsExactly("z.jpg", "a.jpg", "m/b.jpg");
        assertThat(alice.get(path(ds, "/mappings?field=_id")).json())
                .extracting(JsonNode::asText)
                .isEqualTo(ids);
        assertThat(alice.get(path(ds, "/mappings?field=other")).status()).isEqualTo(400);
        assertThat(alice.get(path(ds, "/mappings")).status()).isEqualTo(400);
    }

    @Test
    void update_replacesTheGivenFields() {
        String ds = newDataset();
        String id = create(ds, Fixtures.sample("a.jpg"));
        create(ds, Fixtures.sample("b.jpg"));
        JsonNode custom = Fixtures.json(Fixtures.body("image_id", 7));
        Response r =
                alice.put(path(ds, "/samples/" + id), SampleUpdateRequest.customMetaData(custom));
        assertThat(r.status()).isEqualTo(200);
        SampleData sample = alice.get(path(ds, "/samples/" + id)).as(SampleData.class);
        assertThat(sample.customMetaData().get("image_id").asInt()).isEqualTo(7);
        assertThat(sample.fileName()).isEqualTo("a.jpg");
        assertThat(sample.metaData()).isNotNull();

        Response clash = alice.put(path(ds, "/samples/" + id), Fixtures.body("fileName", "b.jpg"));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(
                        alice.put(
                                        path(ds, "/samples/" + "0".repeat(24)),
                                        Fixtures.body("thumbName", "t.webp"))
                                .code())
                .isEqualTo("SAMPLE_UNKNOWN");
        assertThat(alice.put(path(ds, "/samples/" + id), Fixtures.body("exif", "text")).status())
                .isEqualTo(400);
    }

    @Test
    void unknownAndMalformedSampleIds() {
        String ds = newDataset();
        assertThat(alice.get(path(ds, "/samples/" + "a".repeat(24))).code())
                .isEqualTo("SAMPLE_UNKNOWN");
        assertThat(alice.get(path(ds, "/samples/nope")).status()).isEqualTo(400);
        String other = newDataset();
        String sample = create(other, Fixtures.sample("x.jpg"));
        assertThat(alice.get(path(ds, "/samples/" + sample)).status()).isEqualTo(404);
    }
}
