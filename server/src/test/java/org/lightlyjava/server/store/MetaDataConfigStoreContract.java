package org.lightlyjava.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.server.service.Ids;

/**
 * Custom metadata configurations in the store (migration V5), run against each database ({@link
 * SqliteMetaDataConfigStoreTest}, {@link PostgresMetaDataConfigStoreTest}).
 */
abstract class MetaDataConfigStoreContract {

    private static final long NOW = 1_700_000_000_000L;
    private static final String CONFIGS =
            "[{\"name\":\"Weather\",\"path\":\"weather\",\"defaultValue\":null,"
                    + "\"valueDataType\":\"CATEGORICAL_STRING\"}]";

    @TempDir Path dir;
    Store store;
    final Ids ids = new Ids(Clock.systemUTC());
    UserRecord alice;

    abstract Store open(Path dir);

    @BeforeEach
    void openStore() {
        store = open(dir);
        alice = store.users().createIfAbsent(ids.next(), "alice", NOW);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private DatasetRecord dataset(String name) {
        DatasetRecord d =
                new DatasetRecord(
                        ids.next(),
                        alice.id(),
                        name,
                        "Images",
                        null,
                        "USER_PIP",
                        null,
                        0,
                        0,
                        NOW,
                        NOW);
        store.datasets().insert(d);
        return d;
    }

    private MetaDataConfigRecord config(DatasetRecord d, String name, long at) {
        return new MetaDataConfigRecord(ids.next(), d.id(), name, CONFIGS, at, at);
    }

    @Test
    void configurations_areKeptPerDataset_oldestFirst_andUpdatedInPlace() {
        DatasetRecord farm = dataset("farm");
        DatasetRecord city = dataset("city");
        MetaDataConfigRecord second = config(farm, "second", NOW + 2);
        MetaDataConfigRecord first = config(farm, "first", NOW + 1);
        store.metaDataConfigs().insert(second);
        store.metaDataConfigs().insert(first);
        store.metaDataConfigs().insert(config(city, "other", NOW));

        assertThat(store.metaDataConfigs().list(farm.id())).containsExactly(first, second);
        assertThat(store.metaDataConfigs().find(farm.id(), first.id())).contains(first);
        assertThat(store.metaDataConfigs().find(city.id(), first.id())).isEmpty();

        assertThat(store.metaDataConfigs().update(farm.id(), first.id(), "renamed", "[]", NOW + 5))
                .isTrue();
        assertThat(store.metaDataConfigs().find(farm.id(), first.id()))
                .contains(
                        new MetaDataConfigRecord(
                                first.id(), farm.id(), "renamed", "[]", NOW + 1, NOW + 5));
        assertThat(store.metaDataConfigs().update(city.id(), first.id(), "x", "[]", NOW)).isFalse();
    }

    @Test
    void configurations_goWithTheirDataset_andNeedOne() {
        DatasetRecord farm = dataset("farm");
        store.metaDataConfigs().insert(config(farm, "c", NOW));
        assertThat(store.datasets().delete(alice.id(), farm.id())).isTrue();
        assertThat(store.metaDataConfigs().list(farm.id())).isEmpty();
        assertThatThrownBy(() -> store.metaDataConfigs().insert(config(farm, "late", NOW)))
                .isInstanceOf(MissingException.class);
    }
}
