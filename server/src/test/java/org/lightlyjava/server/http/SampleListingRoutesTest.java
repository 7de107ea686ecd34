package org.lightlyjava.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.BitMask;
import org.lightlyjava.api.model.ApiJson;
import org.lightlyjava.api.model.SampleBatchRequest;
import org.lightlyjava.api.model.SampleCreateRequest;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/** {@code GET /v1/lightly-java/datasets/{id}/samples}: the web page's grid listing. */
class SampleListingRoutesTest extends ServerTestBase {

    private String ds;

    /** s0..s11: sharpness 11 - i, width 10 * i, custom {"score": i} on even i only. */
    @BeforeAll
    void samples() {
        ds = newDataset();
        List<SampleCreateRequest> samples = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ObjectNode meta = (ObjectNode) Fixtures.metaData(100 + i);
            meta.put("sharpness", 11 - i);
            meta.putArray("shape").add(20).add(10 * i).add(3);
            ObjectNode custom = ApiJson.mapper().createObjectNode();
            if (i % 2 == 0) {
                custom.put("score", i);
            }
            samples.add(new SampleCreateRequest("s" + i + ".jpg", null, null, meta, custom));
        }
        assertThat(
                        alice.post(
                                        "/v1/datasets/" + ds + "/samples/batch",
                                        new SampleBatchRequest(samples, "none"))
                                .status())
                .isEqualTo(200);
    }

    private Response list(String query) {
        return alice.get("/v1/lightly-java/datasets/" + ds + "/samples" + query);
    }

    private static List<String> names(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        r.json().get("samples").forEach(s -> names.add(s.get("fileName").asText()));
        return names;
    }

    @Test
    void pages_inCreationOrder() {
        Response r = list("?offset=10&limit=5");
        assertThat(names(r)).containsExactly("s10.jpg", "s11.jpg");
        assertThat(r.json().get("total").asLong()).isEqualTo(12);
        assertThat(r.json().get("offset").asLong()).isEqualTo(10);
        JsonNode s10 = r.json().get("samples").get(0);
        assertThat(s10.get("index").asLong()).isEqualTo(10);
        assertThat(s10.get("sharpness").asDouble()).isEqualTo(1.0);
        assertThat(s10.get("width").asInt()).isEqualTo(100);
        assertThat(s10.get("height").asInt()).isEqualTo(20);
        assertThat(s10.get("sizeInBytes").asLong()).isEqualTo(110);
        assertThat(s10.has("value")).isFalse();
        assertThat(list("").json().get("samples")).hasSize(12);
    }

    @Test
    void sorts_andFilters() {
        assertThat(names(list("?sort=sharpness&limit=3")))
                .containsExactly("s11.jpg", "s10.jpg", "s9.jpg");
        assertThat(names(list("?sort=width&order=desc&limit=2")))
                .containsExactly("s11.jpg", "s10.jpg");
        assertThat(names(list("?sort=fileName&limit=3")))
                .containsExactly("s0.jpg", "s1.jpg", "s10.jpg");
        Response filtered = list("?filter=width:20:50&filter=sizeInBytes::103");
        assertThat(names(filtered)).containsExactly("s2.jpg", "s3.jpg");
        assertThat(filtered.json().get("total").asLong()).isEqualTo(2);
    }

    @Test
    void customMetadata_sortsWithItsValue() {
        Response r = list("?sort=custom.score&order=desc&limit=2");
        assertThat(names(r)).containsExactly("s10.jpg", "s8.jpg");
        assertThat(r.json().get("total").asLong()).as("odd samples have no score").isEqualTo(6);
        assertThat(r.json().get("samples").get(0).get("value").asDouble()).isEqualTo(10.0);
        assertThat(names(list("?filter=custom.score:3:7"))).containsExactly("s4.jpg", "s6.jpg");
    }

    @Test
    void aTag_limitsTheListing() {
        Response created =
                alice.post(
                        "/v1/datasets/" + ds + "/tags",
                        Fixtures.body(
                                "name",
                                "some",
                                "bitMaskData",
                                BitMask.of(1, 2, 5, 9).toString(),
                                "totSize",
                                12));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String tag = created.json().get("id").asText();
        Response r = list("?tagId=" + tag + "&limit=3");
        assertThat(names(r)).containsExactly("s1.jpg", "s2.jpg", "s5.jpg");
        assertThat(r.json().get("total").asLong()).isEqualTo(4);
        assertThat(names(list("?tagId=" + tag + "&sort=sharpness")))
                .containsExactly("s9.jpg", "s5.jpg", "s2.jpg", "s1.jpg");
        assertThat(list("?tagId=" + "0".repeat(24)).status()).isEqualTo(404);
    }

    @Test
    void badParameters_answer400WithTheReason() {
        for (String query :
                List.of(
                        "?sort=colour",
                        "?sort=custom.",
                        "?sort=custom.a..b",
                        "?sort=custom.a%27b",
                        "?order=up",
                        "?limit=0",
                        "?limit=501",
                        "?offset=-1",
                        "?filter=width",
                        "?filter=width:a:b",
                        "?filter=fileName:1:2",
                        "?filter=width:1:NaN",
                        "?tagId=nope")) {
            Response r = list(query);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.code()).as(query).isEqualTo("BAD_REQUEST");
        }
        assertThat(list("?sort=colour").message()).contains("sharpness").contains("custom.<key>");
    }

    @Test
    void onlyTheOwner_seesTheListing() {
        assertThat(bob.get("/v1/lightly-java/datasets/" + ds + "/samples").status()).isEqualTo(404);
        assertThat(anonymous.get("/v1/lightly-java/datasets/" + ds + "/samples").status())
                .isEqualTo(401);
    }
}
