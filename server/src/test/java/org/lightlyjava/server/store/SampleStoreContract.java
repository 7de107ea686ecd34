package org.lightlyjava.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Samples and tags, on each database. */
abstract class SampleStoreContract extends StoreContract {

    private List<String> names(DatasetRecord d) {
        List<String> names = new ArrayList<>();
        store.samples().forEachName(d.id(), true, names::add);
        return names;
    }

    private DatasetRecord reload(DatasetRecord d) {
        return store.datasets().find(d.userId(), d.id()).orElseThrow();
    }

    @Test
    void insertBatch_givesIndicesInRequestOrderAndCountsSize() {
        DatasetRecord d = dataset(alice, "farm");
        List<BatchItem> items = store.samples().insertBatch(d.id(), samples(0, 3), 100, NOW);
        assertThat(items).extracting(BatchItem::created).containsOnly(true);
        store.samples().insertBatch(d.id(), samples(3, 5), 100, NOW);
        assertThat(names(d)).containsExactly("f0.jpg", "f1.jpg", "f2.jpg", "f3.jpg", "f4.jpg");
        SampleRecord third = store.samples().find(d.id(), items.get(2).id()).orElseThrow();
        assertThat(third.index()).isEqualTo(2);
        assertThat(third.metaData()).isEqualTo("{\"sizeInBytes\":10}");
        assertThat(third.type()).isEqualTo("IMAGE");
        assertThat(reload(d).nSamples()).isEqualTo(5);
        assertThat(reload(d).sizeInBytes()).isEqualTo(50);
    }

    @Test
    void insertBatch_isIdempotentByFileName() {
        DatasetRecord d = dataset(alice, "farm");
        List<BatchItem> first = store.samples().insertBatch(d.id(), samples(0, 3), 100, NOW);
        store.samples().markHeld(d.id(), first.get(1).id(), SampleBlob.THUMBNAIL, NOW);
        List<NewSample> again = samples(2, 4); // f2 exists, f3 is new
        List<BatchItem> second = store.samples().insertBatch(d.id(), again, 100, NOW);
        assertThat(second).extracting(BatchItem::created).containsExactly(false, true);
        assertThat(second.get(0).id()).isEqualTo(first.get(2).id());
        assertThat(store.samples().insertBatch(d.id(), samples(1, 2), 100, NOW).get(0))
                .extracting(BatchItem::created, BatchItem::hasThumb, BatchItem::hasFull)
                .containsExactly(false, true, false);
        assertThat(reload(d).nSamples()).isEqualTo(4);
    }

    @Test
    void insertBatch_overCapacityWritesNothing() {
        DatasetRecord d = dataset(alice, "farm");
        store.samples().insertBatch(d.id(), samples(0, 3), 4, NOW);
        assertThatThrownBy(() -> store.samples().insertBatch(d.id(), samples(3, 5), 4, NOW))
                .isInstanceOf(CapacityException.class)
                .hasMessageContaining("maximum of 4");
        assertThat(names(d)).hasSize(3);
        assertThat(reload(d).nSamples()).isEqualTo(3);
    }

    @Test
    void insertBatch_intoAMissingDatasetFails() {
        assertThatThrownBy(() -> store.samples().insertBatch(ids.next(), samples(0, 1), 4, NOW))
                .isInstanceOf(MissingException.class);
    }

    @Test
    void insertBatch_inParallelKeepsIndicesDense() throws Exception {
        DatasetRecord d = dataset(alice, "farm");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<BatchItem>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                List<NewSample> batch = samples(t * 50, t * 50 + 50);
                futures.add(
                        pool.submit(() -> store.samples().insertBatch(d.id(), batch, 1000, NOW)));
            }
            for (Future<List<BatchItem>> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<Long> indices = new ArrayList<>();
        store.samples().forEach(d.id(), null, 0, Long.MAX_VALUE, s -> indices.add(s.index()));
        assertThat(indices).hasSize(400);
        for (int i = 0; i < indices.size(); i++) {
            assertThat(indices.get(i)).isEqualTo(i);
        }
        assertThat(reload(d).nSamples()).isEqualTo(400);
    }

    @Test
    void forEach_pagesAndFiltersByFileName() {
        DatasetRecord d = dataset(alice, "farm");
        store.samples().insertBatch(d.id(), samples(0, 5), 100, NOW);
        List<String> page = new ArrayList<>();
        store.samples().forEach(d.id(), null, 1, 2, s -> page.add(s.fileName()));
        assertThat(page).containsExactly("f1.jpg", "f2.jpg");
        List<String> one = new ArrayList<>();
        store.samples().forEach(d.id(), "f3.jpg", 0, Long.MAX_VALUE, s -> one.add(s.fileName()));
        assertThat(one).containsExactly("f3.jpg");
    }

    @Test
    void update_replacesGivenFieldsAndKeepsTheRest() {
        DatasetRecord d = dataset(alice, "farm");
        String id = store.samples().insertBatch(d.id(), samples(0, 2), 100, NOW).get(0).id();
        SampleChange change =
                new SampleChange(null, "t.webp", null, "{\"sizeInBytes\":25}", "{\"a\":1}", 25L);
        assertThat(store.samples().update(d.id(), id, change, NOW + 5)).isTrue();
        SampleRecord s = store.samples().find(d.id(), id).orElseThrow();
        assertThat(s.fileName()).isEqualTo("f0.jpg");
        assertThat(s.thumbName()).isEqualTo("t.webp");
        assertThat(s.customMetaData()).isEqualTo("{\"a\":1}");
        assertThat(s.lastModifiedAt()).isEqualTo(NOW + 5);
        assertThat(reload(d).sizeInBytes()).isEqualTo(35);

        SampleChange rename = new SampleChange("f1.jpg", null, null, null, null, null);
        assertThatThrownBy(() -> store.samples().update(d.id(), id, rename, NOW))
                .isInstanceOf(DuplicateException.class);
        assertThat(store.samples().update(d.id(), ids.next(), change, NOW)).isFalse();
    }

    @Test
    void markHeld_recordsBlobsPerSample() {
        DatasetRecord d = dataset(alice, "farm");
        String id = store.samples().insertBatch(d.id(), samples(0, 1), 100, NOW).get(0).id();
        assertThat(store.samples().markHeld(d.id(), id, SampleBlob.FULL, NOW)).isTrue();
        assertThat(store.samples().find(d.id(), id))
                .get()
                .extracting(SampleRecord::hasThumb, SampleRecord::hasFull)
                .containsExactly(false, true);
        assertThat(store.samples().markHeld(d.id(), ids.next(), SampleBlob.FULL, NOW)).isFalse();
    }

    @Test
    void initialTag_coversAllSamplesOnceAndSetsImgType() {
        DatasetRecord d = dataset(alice, "farm");
        store.samples().insertBatch(d.id(), samples(0, 10), 100, NOW);
        TagRecord initial = store.tags().createInitial(tag(d, "initial-tag", true), "thumbnail");
        assertThat(initial.bitMaskData()).isEqualTo("0x3ff");
        assertThat(initial.totSize()).isEqualTo(10);
        assertThat(reload(d).imgType()).isEqualTo("thumbnail");
        assertThatThrownBy(() -> store.tags().createInitial(tag(d, "other", true), "meta"))
                .isInstanceOf(DuplicateException.class)
                .hasMessageContaining("initial-tag");
    }

    @Test
    void upsize_growsTheInitialTagAndAddsTheNewSamples() {
        DatasetRecord d = dataset(alice, "farm");
        assertThatThrownBy(() -> store.tags().upsize(tag(d, "up", false)))
                .isInstanceOf(MissingException.class);
        store.samples().insertBatch(d.id(), samples(0, 4), 100, NOW);
        TagRecord initial = store.tags().createInitial(tag(d, "initial-tag", true), "meta");
        TagRecord some = tag(d, "some", false);
        store.tags()
                .insert(
                        new TagRecord(
                                some.id(),
                                d.id(),
                                "some",
                                false,
                                initial.id(),
                                null,
                                null,
                                "0x5",
                                4,
                                null,
                                null,
                                null,
                                NOW,
                                NOW));
        store.samples().insertBatch(d.id(), samples(4, 6), 100, NOW);

        TagRecord up = store.tags().upsize(tag(d, "20240101_10h00m00s", false));
        assertThat(up.bitMaskData()).isEqualTo("0x30");
        assertThat(up.prevTagId()).isEqualTo(initial.id());
        assertThat(store.tags().find(d.id(), initial.id()))
                .get()
                .extracting(TagRecord::bitMaskData, TagRecord::totSize)
                .containsExactly("0x3f", 6L);
        assertThat(store.tags().find(d.id(), some.id()))
                .get()
                .extracting(TagRecord::bitMaskData, TagRecord::totSize)
                .containsExactly("0x5", 6L);
        assertThatThrownBy(() -> store.tags().upsize(tag(d, "20240101_10h00m00s", false)))
                .isInstanceOf(DuplicateException.class);
    }

    @Test
    void deletingATagReparentsItsChildren() {
        DatasetRecord d = dataset(alice, "farm");
        TagRecord root = tag(d, "root", false);
        store.tags().insert(root);
        TagRecord mid = child(d, "mid", root.id());
        TagRecord leaf = child(d, "leaf", mid.id());
        assertThatThrownBy(() -> store.tags().insert(tag(d, "leaf", false)))
                .isInstanceOf(DuplicateException.class);
        assertThat(store.tags().delete(d.id(), mid.id())).isTrue();
        assertThat(store.tags().find(d.id(), leaf.id()))
                .get()
                .extracting(TagRecord::prevTagId)
                .isEqualTo(root.id());
        assertThat(store.tags().list(d.id()))
                .extracting(TagRecord::name)
                .containsExactly("root", "leaf");
        assertThat(store.tags().findByName(d.id(), "root")).contains(root);
    }

    private TagRecord child(DatasetRecord d, String name, String parent) {
        TagRecord t = tag(d, name, false);
        TagRecord withParent =
                new TagRecord(
                        t.id(), d.id(), name, false, parent, null, null, "0x0", 0, null, null, null,
                        NOW, NOW);
        store.tags().insert(withParent);
        return withParent;
    }
}
