package org.lightlyjava.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.BitMask;
import org.lightlyjava.api.model.SampleBatchRequest;
import org.lightlyjava.api.model.SampleCreateRequest;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/** The web page's listing sorted and filtered by active-learning scores ({@code score.<id>}). */
class ScoreListingRoutesTest extends ServerTestBase {

    private String ds;
    private String tagId;
    private String scoreId;

    /**
     * s0..s7 with width 10 * i; a tag of s1, s2, s4, s5, s6 whose scores are 0.5, 0.9, 0.1, 0.9,
     * 0.3 in the tag's order.
     */
    @BeforeAll
    void samplesWithScores() {
        ds = newDataset();
        List<SampleCreateRequest> samples = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ObjectNode meta = (ObjectNode) Fixtures.metaData(100 + i);
            meta.putArray("shape").add(20).add(10 * i).add(3);
            samples.add(new SampleCreateRequest("s" + i + ".jpg", null, null, meta, null));
        }
        Response batch =
                alice.post(
                        "/v1/datasets/" + ds + "/samples/batch",
                        new SampleBatchRequest(samples, "none"));
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        String initial =
                alice.post("/v1/datasets/" + ds + "/tags/initial", Fixtures.body("imgType", "meta"))
                        .json()
                        .get("id")
                        .asText();
        tagId =
                alice.post(
                                "/v1/datasets/" + ds + "/tags",
                                Fixtures.body(
                                        "name",
                                        "scored",
                                        "prevTagId",
                                        initial,
                                        "bitMaskData",
                                        BitMask.of(1, 2, 4, 5, 6).toString()))
                        .json()
                        .get("id")
                        .asText();
        Response scores =
                alice.postRaw(
                        "/v1/datasets/" + ds + "/tags/" + tagId + "/scores",
                        "{\"scoreType\": \"uncertainty_margin\", \"scores\": [0.5, 0.9, 0.1, 0.9, 0.3]}");
        assertThat(scores.status()).as(scores.body()).isEqualTo(201);
        scoreId = scores.json().get("id").asText();
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
    void datasetScores_listTheTypesForThePage() {
        JsonNode all = alice.get("/v1/lightly-java/datasets/" + ds + "/scores").json();
        assertThat(all).hasSize(1);
        assertThat(all.get(0).get("id").asText()).isEqualTo(scoreId);
        assertThat(all.get(0).get("tagName").asText()).isEqualTo("scored");
        assertThat(all.get(0).get("scoreType").asText()).isEqualTo("uncertainty_margin");
        assertThat(all.get(0).get("count").asInt()).isEqualTo(5);
    }

    @Test
    void sortByScore_leavesOutSamplesWithout_tiesInCreationOrder_valueShown() {
        Response asc = list("?sort=score." + scoreId);
        assertThat(names(asc)).containsExactly("s4.jpg", "s6.jpg", "s1.jpg", "s2.jpg", "s5.jpg");
        assertThat(asc.json().get("total").asLong()).isEqualTo(5);
        assertThat(asc.json().get("samples").get(0).get("value").asDouble()).isEqualTo(0.1);
        assertThat(asc.json().get("samples").get(0).get("width").asInt()).isEqualTo(40);
        assertThat(names(list("?sort=score." + scoreId + "&order=desc&limit=2&offset=1")))
                .containsExactly("s2.jpg", "s1.jpg");
    }

    @Test
    void filterByScore_aloneOrWithOtherFieldsAndSorts() {
        String range = "&filter=score." + scoreId + ":0.3:0.9";
        assertThat(names(list("?x=1" + range)))
                .containsExactly("s1.jpg", "s2.jpg", "s5.jpg", "s6.jpg");
        assertThat(names(list("?sort=width&order=desc" + range)))
                .containsExactly("s6.jpg", "s5.jpg", "s2.jpg", "s1.jpg");
        // width 20..50 and score 0.3..0.9, by score
        Response both = list("?sort=score." + scoreId + range + "&filter=width:20:50");
        assertThat(names(both)).containsExactly("s2.jpg", "s5.jpg");
        assertThat(both.json().get("total").asLong()).isEqualTo(2);
        assertThat(names(list("?filter=score." + scoreId + ":0.85:")))
                .containsExactly("s2.jpg", "s5.jpg");
    }

    @Test
    void scoreFields_withinATag() {
        String initialOfTwo =
                alice.post(
                                "/v1/datasets/" + ds + "/tags",
                                Fixtures.body(
                                        "name",
                                        "two",
                                        "prevTagId",
                                        tagId,
                                        "bitMaskData",
                                        BitMask.of(0, 5, 6).toString()))
                        .json()
                        .get("id")
                        .asText();
        assertThat(names(list("?tagId=" + initialOfTwo + "&sort=score." + scoreId)))
                .containsExactly("s6.jpg", "s5.jpg");
    }

    @Test
    void badScoreFields_are400or404() {
        Response bad = list("?sort=score.nope");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.message()).contains("score.<scoreId>");
        assertThat(list("?sort=score.0123456789abcdef01234567").status()).isEqualTo(404);
        assertThat(list("?filter=score." + scoreId + ":a:1").status()).isEqualTo(400);
        assertThat(list("?filter=score." + scoreId).status()).isEqualTo(400);
        assertThat(
                        bob.get(
                                        "/v1/lightly-java/datasets/"
                                                + ds
                                                + "/samples?sort=score."
                                                + scoreId)
                                .status())
                .isEqualTo(404);
    }
}
