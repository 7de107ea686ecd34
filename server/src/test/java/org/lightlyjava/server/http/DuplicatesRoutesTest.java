package org.lightlyjava.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.BitMask;
import org.lightlyjava.api.model.DuplicatesData;
import org.lightlyjava.api.model.JobStatusData;
import org.lightlyjava.api.model.SamplingCreateRequest;
import org.lightlyjava.api.model.TagData;
import org.lightlyjava.server.testing.Embedded;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/** Near-duplicates over HTTP: the job, its tag, the groups, refusals. */
class DuplicatesRoutesTest extends ServerTestBase {

    /** 0 ~ 2 ~ 4 (a chain: 0 and 4 are 0.1 apart), 3 ~ 5, and 1 alone. */
    private Embedded planted() {
        float[][] points = {
            {0, 0}, {9, 9}, {0.05f, 0}, {5, 5}, {0.1f, 0}, {5, 5.01f},
        };
        return Embedded.create(alice, newDataset(), points);
    }

    @Test
    void groups_chainsIncluded_andATagOfTheSamplesToDrop() {
        Embedded set = planted();
        JobStatusData job =
                set.await(alice.post(set.path("/duplicates"), Fixtures.body("maxDistance", 0.06)));
        assertThat(job.status()).as(job.error()).isEqualTo("FINISHED");
        assertThat(job.result().type()).isEqualTo("DUPLICATES");
        TagData tag = set.tag(job.result().data());
        assertThat(tag.name()).isEqualTo("duplicates-0.06");
        assertThat(BitMask.parse(tag.bitMaskData()).indices()).containsExactly(2, 4, 5);
        assertThat(tag.prevTagId()).isEqualTo(set.initialTagId());

        DuplicatesData found =
                alice.get(set.path("/duplicates/" + job.id())).as(DuplicatesData.class);
        assertThat(found.maxDistance()).isEqualTo(0.06);
        assertThat(found.tagId()).isEqualTo(tag.id());
        assertThat(found.groups())
                .extracting(DuplicatesData.Group::fileNames)
                .containsExactly(
                        List.of("img_000.jpg", "img_002.jpg", "img_004.jpg"),
                        List.of("img_003.jpg", "img_005.jpg"));
        List<String> ids =
                List.of(
                        alice.get("/v1/datasets/" + set.datasetId() + "/mappings?field=_id")
                                .as(String[].class));
        assertThat(found.groups().get(1).sampleIds()).containsExactly(ids.get(3), ids.get(5));
    }

    @Test
    void withinATag_andWithAName() {
        Embedded set = planted();
        String some = set.newTag("some", 0, 3, 4, 5);
        JobStatusData job =
                set.await(
                        alice.post(
                                set.path("/duplicates"),
                                Fixtures.body(
                                        "maxDistance", 0.06, "tagId", some, "newTagName", "drop")));
        TagData tag = set.tag(job.result().data());
        assertThat(tag.name()).isEqualTo("drop");
        assertThat(tag.prevTagId()).isEqualTo(some);
        assertThat(BitMask.parse(tag.bitMaskData()).indices()).containsExactly(5);
        DuplicatesData found =
                alice.get(set.path("/duplicates/" + job.id())).as(DuplicatesData.class);
        assertThat(found.groups()).hasSize(1);
    }

    @Test
    void refusals() {
        Embedded set = planted();
        String path = set.path("/duplicates");
        refused(alice.post(path, Fixtures.body("newTagName", "x-1")), 400);
        refused(alice.post(path, Fixtures.body("maxDistance", -1)), 400);
        refused(alice.post(path, Fixtures.body("maxDistance", 1, "newTagName", "!x")), 400);
        refused(bob.post(path, Fixtures.body("maxDistance", 1)), 404);
        refused(anonymous.post(path, Fixtures.body("maxDistance", 1)), 401);
        JobStatusData first = set.await(alice.post(path, Fixtures.body("maxDistance", 1)));
        Response again = alice.post(path, Fixtures.body("maxDistance", 1));
        refused(again, 409);
        assertThat(again.code()).isEqualTo("TAG_NAME_EXISTS");

        refused(bob.get(set.path("/duplicates/" + first.id())), 404);
        refused(alice.get(set.path("/duplicates/" + "0".repeat(24))), 404);
        JobStatusData sampling =
                set.await(
                        alice.post(
                                set.path("/sampling"),
                                SamplingCreateRequest.of("r-1", "RANDOM", 2, -1)));
        refused(alice.get(set.path("/duplicates/" + sampling.id())), 404);
    }

    private static void refused(Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
    }
}
