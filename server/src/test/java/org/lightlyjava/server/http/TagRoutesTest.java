package org.lightlyjava.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.model.TagData;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/** {@code /tags}: initial tag, upsize, tags from bitmasks, arithmetic, file names. */
class TagRoutesTest extends ServerTestBase {

    private String tags(String ds, String rest) {
        return "/v1/datasets/" + ds + "/tags" + rest;
    }

    private String id(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asText();
    }

    @Test
    void initialTag_holdsEverySampleAndSetsImgType() {
        String ds = newDataset();
        Fixtures.samples(alice, ds, 10);
        String id =
                id(
                        alice.post(
                                tags(ds, "/initial"),
                                Fixtures.body("imgType", "thumbnail", "creator", "USER_PIP")));

        JsonNode json = alice.get(tags(ds, "/" + id)).json();
        for (String field :
                List.of("id", "datasetId", "name", "bitMaskData", "totSize", "createdAt")) {
            assertThat(json.hasNonNull(field)).as(field).isTrue();
        }
        assertThat(json.has("prevTagId")).isFalse();
        TagData tag = alice.get(tags(ds, "/" + id)).as(TagData.class);
        assertThat(tag.name()).isEqualTo("initial-tag");
        assertThat(tag.bitMaskData()).isEqualTo("0x3ff");
        assertThat(tag.totSize()).isEqualTo(10);
        assertThat(tag.creator()).isEqualTo("USER_PIP");
        assertThat(alice.get("/v1/datasets/" + ds).json().get("imgType").asText())
                .isEqualTo("thumbnail");
        assertThat(alice.get(tags(ds, "")).json().findValuesAsText("id")).containsExactly(id);

        Response again = alice.post(tags(ds, "/initial"), Fixtures.body("imgType", "meta"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("TAG_INITIAL_EXISTS");
        assertThat(
                        alice.post(tags(newDataset(), "/initial"), Fixtures.body("imgType", "x"))
                                .status())
                .isEqualTo(400);
    }

    @Test
    void upsize_extendsTheInitialTagAndTagsTheNewSamples() {
        String ds = newDataset();
        Fixtures.samples(alice, ds, 3);
        assertThat(
                        alice.post(
                                        tags(ds, "/upsize"),
                                        Fixtures.body(
                                                "upsizeTagName",
                                                "20240101_10h00m00s",
                                                "upsizeTagCreator",
                                                "USER_PIP"))
                                .status())
                .isEqualTo(400);
        String initial = id(alice.post(tags(ds, "/initial"), Fixtures.body("imgType", "meta")));
        alice.post("/v1/datasets/" + ds + "/samples", Fixtures.sample("new1.jpg"));
        alice.post("/v1/datasets/" + ds + "/samples", Fixtures.sample("new2.jpg"));

        String up =
                id(
                        alice.post(
                                tags(ds, "/upsize"),
                                Fixtures.body(
                                        "upsizeTagName",
                                        "20240101_10h00m00s",
                                        "upsizeTagCreator",
                                        "USER_PIP_LIGHTLY_MAGIC")));
        TagData upTag = alice.get(tags(ds, "/" + up)).as(TagData.class);
        assertThat(upTag.bitMaskData()).isEqualTo("0x18");
        assertThat(upTag.prevTagId()).isEqualTo(initial);
        assertThat(upTag.totSize()).isEqualTo(5);
        TagData initialTag = alice.get(tags(ds, "/" + initial)).as(TagData.class);
        assertThat(initialTag.bitMaskData()).isEqualTo("0x1f");
        assertThat(initialTag.totSize()).isEqualTo(5);
        assertThat(alice.get(tags(ds, "/" + up + "/filenames")).json())
                .extracting(JsonNode::asText)
                .containsExactly("new1.jpg", "new2.jpg");
    }

    @Test
    void createAndArithmetic() {
        String ds = newDataset();
        Fixtures.samples(alice, ds, 10);
        String initial = id(alice.post(tags(ds, "/initial"), Fixtures.body("imgType", "meta")));
        String selected =
                id(
                        alice.post(
                                tags(ds, ""),
                                Fixtures.body(
                                        "name",
                                        "selected 1",
                                        "prevTagId",
                                        initial,
                                        "bitMaskData",
                                        "0x59",
                                        "totSize",
                                        10,
                                        "creator",
                                        "USER_PIP")));
        String other =
                id(
                        alice.post(
                                tags(ds, ""),
                                Fixtures.body(
                                        "name",
                                        "other@2:x=y;z.1",
                                        "prevTagId",
                                        initial,
                                        "bitMaskData",
                                        "0x3",
                                        "totSize",
                                        10)));

        assertThat(bitmask(ds, "/arithmetics/bitmask", selected, initial, "DIFFERENCE"))
                .isEqualTo("0x0");
        assertThat(bitmask(ds, "/arithmetics/bitmask", initial, selected, "DIFFERENCE"))
                .isEqualTo("0x3a6");
        assertThat(bitmask(ds, "/arithmetics/bitmask", selected, other, "UNION")).isEqualTo("0x5b");
        assertThat(bitmask(ds, "/arithmetics", selected, other, "INTERSECTION")).isEqualTo("0x1");
        assertThat(alice.get(tags(ds, "/" + selected + "/filenames")).json())
                .extracting(JsonNode::asText)
                .containsExactly("img_000.jpg", "img_003.jpg", "img_004.jpg", "img_006.jpg");

        String made =
                id(
                        alice.post(
                                tags(ds, "/arithmetics"),
                                Fixtures.body(
                                        "tagId1",
                                        selected,
                                        "tagId2",
                                        other,
                                        "operation",
                                        "UNION",
                                        "newTagName",
                                        "union tag")));
        TagData union = alice.get(tags(ds, "/" + made)).as(TagData.class);
        assertThat(union.bitMaskData()).isEqualTo("0x5b");
        assertThat(union.prevTagId()).isEqualTo(selected);
        assertThat(
                        alice.post(
                                        tags(ds, "/arithmetics"),
                                        Fixtures.body(
                                                "tagId1",
                                                selected,
                                                "tagId2",
                                                other,
                                                "operation",
                                                "XOR"))
                                .status())
                .isEqualTo(400);
        assertThat(
                        alice.post(
                                        tags(ds, "/arithmetics/bitmask"),
                                        Fixtures.body(
                                                "tagId1",
                                                selected,
                                                "tagId2",
                                                "0".repeat(24),
                                                "operation",
                                                "UNION"))
                                .status())
                .isEqualTo(404);
    }

    private String bitmask(String ds, String route, String a, String b, String operation) {
        Response r =
                alice.post(
                        tags(ds, route),
                        Fixtures.body("tagId1", a, "tagId2", b, "operation", operation));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("bitMaskData").asText();
    }

    @Test
    void create_refusesBadTagsAndChangesNothing() {
        String ds = newDataset();
        Fixtures.samples(alice, ds, 4);
        String ok =
                id(
                        alice.post(
                                tags(ds, ""),
                                Fixtures.body("name", "fine", "bitMaskData", "0xf", "totSize", 4)));
        Response taken =
                alice.post(tags(ds, ""), Fixtures.body("name", "fine", "bitMaskData", "0x1"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("TAG_NAME_EXISTS");
        assertThat(
                        alice.post(
                                        tags(ds, ""),
                                        Fixtures.body("name", "beyond", "bitMaskData", "0x10"))
                                .message())
                .contains("has 4 samples");
        assertThat(
                        alice.post(
                                        tags(ds, ""),
                                        Fixtures.body("name", "bad mask", "bitMaskData", "59"))
                                .status())
                .isEqualTo(400);
        assertThat(
                        alice.post(tags(ds, ""), Fixtures.body("name", "x!", "bitMaskData", "0x1"))
                                .status())
                .isEqualTo(400);
        assertThat(
                        alice.post(
                                        tags(ds, ""),
                                        Fixtures.body(
                                                "name",
                                                "orphan",
                                                "bitMaskData",
                                                "0x1",
                                                "prevTagId",
                                                "0".repeat(24)))
                                .status())
                .isEqualTo(400);
        assertThat(alice.get(tags(ds, "")).json().findValuesAsText("id")).containsExactly(ok);
    }

    @Test
    void delete_removesOnlyThatTag() {
        String ds = newDataset();
        Fixtures.samples(alice, ds, 2);
        String initial = id(alice.post(tags(ds, "/initial"), Fixtures.body("imgType", "meta")));
        String child =
                id(
                        alice.post(
                                tags(ds, ""),
                                Fixtures.body(
                                        "name",
                                        "child",
                                        "prevTagId",
                                        initial,
                                        "bitMaskData",
                                        "0x1")));
        assertThat(alice.delete(tags(ds, "/" + child)).status()).isEqualTo(200);
        assertThat(alice.get(tags(ds, "/" + child)).status()).isEqualTo(404);
        assertThat(alice.delete(tags(ds, "/" + child)).status()).isEqualTo(404);
        assertThat(alice.get(tags(ds, "")).json().findValuesAsText("id")).containsExactly(initial);
        assertThat(alice.get(tags(ds, "/xyz")).status()).isEqualTo(400);
    }
}
