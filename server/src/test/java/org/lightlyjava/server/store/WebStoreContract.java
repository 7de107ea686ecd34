package org.lightlyjava.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the web page needs of the store, on each database: sample listings, session lookups. */
abstract class WebStoreContract extends DatasourceStoreContract {

    private static final SampleField INDEX = SampleField.of(SampleField.Kind.INDEX);
    private static final SampleField SHARPNESS = SampleField.of(SampleField.Kind.SHARPNESS);
    private static final SampleField TEMP = SampleField.custom(List.of("weather", "temp"));

    /** f0..f9: sharpness 9, 8, ..., 0 (f7 has none), width 100 * i, temp i except f2 ("hot"). */
    private DatasetRecord tenSamples() {
        DatasetRecord d = dataset(alice, "listing");
        List<NewSample> samples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String sharpness = i == 7 ? "" : "\"sharpness\":" + (9 - i) + ".5,";
            String meta =
                    "{"
                            + sharpness
                            + "\"snr\":"
                            + i
                            + ",\"shape\":[50,"
                            + 100 * i
                            + ",3],"
                            + "\"sizeInBytes\":"
                            + (1000 - i)
                            + "}";
            String temp = i == 2 ? "\"hot\"" : Integer.toString(i);
            String custom = "{\"weather\":{\"temp\":" + temp + "}}";
            samples.add(
                    new NewSample(
                            ids.next(), "f" + i + ".jpg", null, null, meta, custom, 1000 - i));
        }
        store.samples().insertBatch(d.id(), samples, 100, NOW);
        return d;
    }

    private List<String> names(SamplePage page) {
        return page.samples().stream().map(SampleSummary::fileName).toList();
    }

    private SamplePage list(
            DatasetRecord d,
            SampleField sort,
            boolean desc,
            List<SampleQuery.Range> filters,
            BitSet tag,
            long offset,
            int limit) {
        return store.samples()
                .list(d.id(), new SampleQuery(sort, desc, filters, tag, offset, limit));
    }

    @Test
    void list_pagesInCreationOrderWithTheTotal() {
        DatasetRecord d = tenSamples();
        SamplePage page = list(d, INDEX, false, List.of(), null, 3, 2);
        assertThat(page.total()).isEqualTo(10);
        assertThat(names(page)).containsExactly("f3.jpg", "f4.jpg");
        SampleSummary f3 = page.samples().get(0);
        assertThat(f3.sharpness()).isEqualTo(6.5);
        assertThat(f3.snr()).isEqualTo(3.0);
        assertThat(f3.width()).isEqualTo(300);
        assertThat(f3.height()).isEqualTo(50);
        assertThat(f3.sizeInBytes()).isEqualTo(997);
        assertThat(f3.value()).isNull();
        assertThat(names(list(d, INDEX, true, List.of(), null, 0, 2)))
                .containsExactly("f9.jpg", "f8.jpg");
        assertThat(list(d, INDEX, false, List.of(), null, 20, 5).samples()).isEmpty();
    }

    @Test
    void list_sortsByAMetricAndLeavesOutSamplesWithoutIt() {
        DatasetRecord d = tenSamples();
        SamplePage page = list(d, SHARPNESS, false, List.of(), null, 0, 3);
        assertThat(page.total()).isEqualTo(9);
        assertThat(names(page)).containsExactly("f9.jpg", "f8.jpg", "f6.jpg");
        assertThat(names(list(d, SHARPNESS, true, List.of(), null, 0, 2)))
                .containsExactly("f0.jpg", "f1.jpg");
    }

    @Test
    void list_filtersByRanges() {
        DatasetRecord d = tenSamples();
        SampleField width = SampleField.of(SampleField.Kind.WIDTH);
        SampleField size = SampleField.of(SampleField.Kind.SIZE_IN_BYTES);
        List<SampleQuery.Range> filters =
                List.of(
                        new SampleQuery.Range(width, 200.0, 600.0),
                        new SampleQuery.Range(size, null, 995.0));
        SamplePage page = list(d, INDEX, false, filters, null, 0, 10);
        assertThat(names(page)).containsExactly("f5.jpg", "f6.jpg");
        assertThat(page.total()).isEqualTo(2);
    }

    @Test
    void list_sortsAndFiltersByNumbersInCustomMetadata() {
        DatasetRecord d = tenSamples();
        SamplePage page = list(d, TEMP, true, List.of(), null, 0, 3);
        assertThat(page.total()).as("f2's temp is a string").isEqualTo(9);
        assertThat(names(page)).containsExactly("f9.jpg", "f8.jpg", "f7.jpg");
        assertThat(page.samples().get(0).value()).isEqualTo(9.0);
        List<SampleQuery.Range> warm = List.of(new SampleQuery.Range(TEMP, 1.0, 3.5));
        assertThat(names(list(d, INDEX, false, warm, null, 0, 10)))
                .containsExactly("f1.jpg", "f3.jpg");
        SampleField missing = SampleField.custom(List.of("nothing-here"));
        assertThat(list(d, missing, false, List.of(), null, 0, 10).total()).isZero();
    }

    @Test
    void list_withinATag_inCreationOrderAndSorted() {
        DatasetRecord d = tenSamples();
        BitSet tag = new BitSet();
        tag.set(1);
        tag.set(4);
        tag.set(7);
        tag.set(8);
        SamplePage ordered = list(d, INDEX, false, List.of(), tag, 1, 2);
        assertThat(ordered.total()).isEqualTo(4);
        assertThat(names(ordered)).containsExactly("f4.jpg", "f7.jpg");
        assertThat(names(list(d, INDEX, true, List.of(), tag, 0, 3)))
                .containsExactly("f8.jpg", "f7.jpg", "f4.jpg");
        SamplePage sorted = list(d, SHARPNESS, false, List.of(), tag, 0, 10);
        assertThat(sorted.total()).as("f7 has no sharpness").isEqualTo(3);
        assertThat(names(sorted)).containsExactly("f8.jpg", "f4.jpg", "f1.jpg");
        List<SampleQuery.Range> warm = List.of(new SampleQuery.Range(TEMP, 4.0, null));
        SamplePage filtered = list(d, INDEX, false, warm, tag, 1, 10);
        assertThat(filtered.total()).isEqualTo(3);
        assertThat(names(filtered)).containsExactly("f7.jpg", "f8.jpg");
    }

    @Test
    void list_followsMetadataChanges() {
        DatasetRecord d = tenSamples();
        String f0 = list(d, INDEX, false, List.of(), null, 0, 1).samples().get(0).id();
        SampleChange change =
                new SampleChange(
                        null, null, null, "{\"sharpness\":-1,\"shape\":[7,8,3]}", null, 0L);
        store.samples().update(d.id(), f0, change, NOW + 1);
        SampleSummary first = list(d, SHARPNESS, false, List.of(), null, 0, 1).samples().get(0);
        assertThat(first.fileName()).isEqualTo("f0.jpg");
        assertThat(first.sharpness()).isEqualTo(-1.0);
        assertThat(first.width()).isEqualTo(8);
        assertThat(first.snr()).isNull();
    }

    @Test
    void tokens_areFoundByIdUntilTheyExpireOrAreRevoked() {
        TokenRecord t =
                new TokenRecord(
                        ids.next(), alice.id(), "alice", "c".repeat(64), "cccc", NOW, NOW + 10);
        store.users().addToken(t);
        assertThat(store.users().findByTokenHash(t.hash(), NOW))
                .get()
                .extracting(UserStore.TokenMatch::tokenId, UserStore.TokenMatch::expiresAt)
                .containsExactly(t.id(), NOW + 10);
        assertThat(store.users().findByTokenId(t.id(), NOW)).contains(alice);
        assertThat(store.users().findByTokenId(t.id(), NOW + 10)).isEmpty();
        store.users().revokeToken(t.id());
        assertThat(store.users().findByTokenId(t.id(), NOW)).isEmpty();
    }
}
