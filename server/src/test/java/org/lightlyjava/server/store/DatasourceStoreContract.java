package org.lightlyjava.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Datasources and the processed-until time, on each database. */
abstract class DatasourceStoreContract extends SampleStoreContract {

    private DatasourceRecord s3(DatasetRecord d, String purpose, String path, long at) {
        return new DatasourceRecord(
                ids.next(),
                d.id(),
                purpose,
                "S3",
                path,
                "",
                "eu-central-1",
                "AKID",
                "v1:sealed",
                null,
                "http://127.0.0.1:9000",
                at,
                at);
    }

    @Test
    void datasources_onePerPurpose_replacedOnPut() {
        DatasetRecord d = dataset(alice, "with datasource");
        DatasourceRecord first = s3(d, "INPUT_OUTPUT", "s3://a/", NOW);
        store.datasources().put(first);
        DatasourceRecord lightly = s3(d, "LIGHTLY", "s3://out/", NOW);
        store.datasources().put(lightly);
        assertThat(store.datasources().find(d.id(), "INPUT_OUTPUT")).contains(first);

        DatasourceRecord second = s3(d, "INPUT_OUTPUT", "s3://b/", NOW + 1);
        store.datasources().put(second);
        assertThat(store.datasources().find(d.id(), "INPUT_OUTPUT")).contains(second);
        assertThat(store.datasources().list(d.id())).containsExactly(second, lightly);
        assertThat(store.datasources().find(d.id(), "INPUT")).isEmpty();
        assertThat(store.datasets().find(alice.id(), d.id()).orElseThrow().lastModifiedAt())
                .isEqualTo(NOW + 1);
    }

    @Test
    void datasources_goWithTheirDataset() {
        DatasetRecord d = dataset(alice, "short lived");
        store.datasources().put(s3(d, "INPUT_OUTPUT", "s3://a/", NOW));
        store.datasources().setProcessedUntil(d.id(), 5);
        store.datasets().delete(alice.id(), d.id());
        assertThat(store.datasources().list(d.id())).isEmpty();
        assertThatThrownBy(() -> store.datasources().put(s3(d, "INPUT", "s3://a/", NOW)))
                .isInstanceOf(MissingException.class);
        assertThat(store.datasources().setProcessedUntil(d.id(), 6)).isFalse();
    }

    @Test
    void delegatedAccess_roleAndExternalId_roundTrip() {
        DatasetRecord d = dataset(alice, "delegated");
        DatasourceRecord r =
                new DatasourceRecord(
                        ids.next(),
                        d.id(),
                        "INPUT_OUTPUT",
                        "S3DelegatedAccess",
                        "s3://a/",
                        "",
                        "eu-central-1",
                        null,
                        null,
                        null,
                        null,
                        NOW,
                        NOW,
                        "arn:aws:iam::123456789012:role/lightly",
                        "external-id-0123");
        store.datasources().put(r);
        assertThat(store.datasources().find(d.id(), "INPUT_OUTPUT")).contains(r);
    }

    @Test
    void delete_removesOnlyThatPurpose_andSaysWhetherThereWasOne() {
        DatasetRecord d = dataset(alice, "removable");
        store.datasources().put(s3(d, "INPUT_OUTPUT", "s3://a/", NOW));
        DatasourceRecord lightly = s3(d, "LIGHTLY", "s3://out/", NOW);
        store.datasources().put(lightly);
        assertThat(store.datasources().delete(d.id(), "INPUT_OUTPUT")).isTrue();
        assertThat(store.datasources().delete(d.id(), "INPUT_OUTPUT")).isFalse();
        assertThat(store.datasources().list(d.id())).containsExactly(lightly);
    }

    @Test
    void processedUntil_isZeroUntilSet() {
        DatasetRecord d = dataset(alice, "processed");
        assertThat(store.datasources().processedUntil(d.id())).isZero();
        assertThat(store.datasources().setProcessedUntil(d.id(), 1_700_000_000L)).isTrue();
        assertThat(store.datasources().processedUntil(d.id())).isEqualTo(1_700_000_000L);
    }
}
