package org.lightlyjava.server.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.model.DatasourceConfigVerifyData;

/**
 * A GCS datasource's lights, listing and existence checks over the Google Cloud library's own
 * in-memory {@code Storage} (LocalStorageHelper): the library's calls as the datasource makes them,
 * without the HTTP to Google (no GCS emulator runs here), so Google's permission answers are not
 * exercised.
 */
class GcsDatasourceTest {

    private final Storage storage = LocalStorageHelper.getOptions().getService();

    private void put(String name, byte[] bytes) {
        storage.create(BlobInfo.newBuilder("bucket", name).build(), bytes);
    }

    private GcsDatasource datasource(String fullPath) {
        return GcsDatasource.over(fullPath, storage, Duration.ofHours(1));
    }

    @Test
    void verify_allGreen_andTheProbeObjectIsGone() {
        put("farm/cow.jpg", new byte[] {1, 2, 3});
        DatasourceConfigVerifyData v = datasource("gs://bucket/farm/").verify();
        assertThat(v.errors()).isNull();
        assertThat(v.canList() && v.canRead() && v.canWrite() && v.canOverwrite()).isTrue();
        List<String> names = new java.util.ArrayList<>();
        storage.list("bucket").iterateAll().forEach(b -> names.add(b.getName()));
        assertThat(names).containsExactly("farm/cow.jpg");
    }

    @Test
    void verify_emptyPrefix_readIsRedSayingSo() {
        DatasourceConfigVerifyData v = datasource("gs://bucket/nothing-here/").verify();
        assertThat(v.canList()).isTrue();
        assertThat(v.canRead()).isFalse();
        assertThat(v.errors().get("canRead")).contains("no object under gs://bucket/nothing-here/");
    }

    /** One page: the in-memory Storage's page tokens do not follow GCS's, so paging is untested. */
    @Test
    void list_leavesOutLightlyFilesAndOtherPrefixes() {
        put("in/a.jpg", new byte[] {1});
        put("in/b/c.jpg", new byte[] {2});
        put("in/.lightly/thumbnails/a_thumb.jpg", new byte[] {3});
        put("out.jpg", new byte[] {4});
        ListPage page = datasource("gs://bucket/in").list(null, 0, Long.MAX_VALUE, 1000);
        assertThat(page.entries().stream().map(ListPage.Entry::name))
                .containsExactly("a.jpg", "b/c.jpg");
        assertThat(page.next()).isNull();
    }

    @Test
    void existing_findsWhatIsThere() {
        put("in/a.jpg", new byte[] {1});
        put("in/.lightly/thumbnails/a_thumb.jpg", new byte[] {3});
        Set<String> found =
                datasource("gs://bucket/in/")
                        .existing(List.of("a.jpg", ".lightly/thumbnails/a_thumb.jpg", "x.jpg"));
        assertThat(found).containsExactlyInAnyOrder("a.jpg", ".lightly/thumbnails/a_thumb.jpg");
        assertThat(storage.get(BlobId.of("bucket", "in/x.jpg"))).isNull();
    }

    @Test
    void unreadable_nullForAnObjectThere_theObjectNamedForOneMissing() {
        put("in/a.jpg", new byte[] {1});
        GcsDatasource datasource = datasource("gs://bucket/in/");
        assertThat(datasource.unreadable("a.jpg")).isNull();
        assertThat(datasource.unreadable(".lightly/thumbnails/a_thumb.jpg"))
                .isEqualTo(
                        "GCS: no such object (object"
                                + " gs://bucket/in/.lightly/thumbnails/a_thumb.jpg)");
    }
}
