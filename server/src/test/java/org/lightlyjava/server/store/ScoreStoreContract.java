package org.lightlyjava.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.server.service.Ids;

/**
 * The score store on each database ({@link SqliteScoreStoreTest}, {@link PostgresScoreStoreTest}).
 */
abstract class ScoreStoreContract {

    private static final long NOW = 1_700_000_000_000L;

    @TempDir Path dir;
    private Store store;
    private final Ids ids = new Ids(Clock.systemUTC());
    private DatasetRecord dataset;
    private TagRecord tag;

    abstract Store open(Path dir);

    @BeforeEach
    void openStore() {
        store = open(dir);
        UserRecord alice = store.users().createIfAbsent(ids.next(), "alice", NOW);
        dataset =
                new DatasetRecord(
                        ids.next(),
                        alice.id(),
                        "farm",
                        "Images",
                        null,
                        "USER_PIP",
                        null,
                        0,
                        0,
                        NOW,
                        NOW);
        store.datasets().insert(dataset);
        tag = tag("some");
    }

    private TagRecord tag(String name) {
        TagRecord t =
                new TagRecord(
                        ids.next(),
                        dataset.id(),
                        name,
                        false,
                        null,
                        null,
                        null,
                        "0x5",
                        3,
                        null,
                        null,
                        null,
                        NOW,
                        NOW);
        store.tags().insert(t);
        return t;
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private ScoreRecord scores(TagRecord t, String type, double... values) {
        return new ScoreRecord(
                ids.next(),
                dataset.id(),
                t.id(),
                type,
                t.bitMaskData(),
                values.length,
                values,
                NOW);
    }

    @Test
    void put_storesTheValuesExactly() {
        double[] values = {0.12345678901234567, -0.0, 1e-300, Double.MAX_VALUE};
        ScoreRecord stored = store.scores().put(scores(tag, "uncertainty_entropy", values));
        ScoreRecord found = store.scores().find(dataset.id(), stored.id()).orElseThrow();
        assertThat(found.values()).containsExactly(values);
        assertThat(Double.doubleToRawLongBits(found.values()[1]))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(found.summary()).usingRecursiveComparison().isEqualTo(stored.summary());
    }

    @Test
    void put_ofTheSameType_replacesTheValues_andKeepsTheId() {
        ScoreRecord first = store.scores().put(scores(tag, "margin", 0.1, 0.2));
        ScoreRecord second = store.scores().put(scores(tag, "margin", 0.3, 0.4));
        store.scores().put(scores(tag, "entropy", 0.5, 0.6));
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(store.scores().find(dataset.id(), first.id()).orElseThrow().values())
                .containsExactly(0.3, 0.4);
        assertThat(store.scores().listByTag(dataset.id(), tag.id()))
                .extracting(ScoreRecord::scoreType)
                .containsExactly("margin", "entropy");
        assertThat(store.scores().listByTag(dataset.id(), tag.id()))
                .allSatisfy(r -> assertThat(r.values()).isNull());
    }

    @Test
    void put_forAMissingTag_storesNothing() {
        TagRecord gone = tag("gone");
        store.tags().delete(dataset.id(), gone.id());
        assertThatThrownBy(() -> store.scores().put(scores(gone, "margin", 0.1)))
                .isInstanceOf(MissingException.class);
        assertThat(store.scores().listByDataset(dataset.id())).isEmpty();
    }

    @Test
    void deletingTheTagOrDataset_deletesItsScores() {
        TagRecord other = tag("other");
        ScoreRecord kept = store.scores().put(scores(tag, "margin", 0.1, 0.2));
        ScoreRecord dropped = store.scores().put(scores(other, "margin", 0.3, 0.4));
        store.tags().delete(dataset.id(), other.id());
        assertThat(store.scores().find(dataset.id(), dropped.id())).isEmpty();
        assertThat(store.scores().listByDataset(dataset.id()))
                .extracting(ScoreRecord::id)
                .containsExactly(kept.id());
        store.datasets().delete(dataset.userId(), dataset.id());
        assertThat(store.scores().find(dataset.id(), kept.id())).isEmpty();
    }

    @Test
    void predictionTasks_arePerVersion_theNewestOfEachTaskWithoutOne() {
        PredictionTaskStore tasks = store.predictionTasks();
        String first = tasks.put(task(-1, "weather", "{\"v\":1}"));
        assertThat(tasks.put(task(-1, "weather", "{\"v\":2}"))).isEqualTo(first);
        tasks.put(task(7, "weather", "{\"v\":3}"));
        tasks.put(task(5, "boxes", "{\"v\":4}"));
        assertThat(tasks.find(dataset.id(), -1, "weather").orElseThrow().schemaJson())
                .isEqualTo("{\"v\":2}");
        assertThat(tasks.list(dataset.id(), -1L))
                .extracting(PredictionTaskRecord::schemaJson)
                .containsExactly("{\"v\":2}");
        assertThat(tasks.list(dataset.id(), null))
                .extracting(PredictionTaskRecord::schemaJson)
                .containsExactly("{\"v\":4}", "{\"v\":3}");
        assertThat(tasks.find(dataset.id(), 5, "weather")).isEmpty();
    }

    private PredictionTaskRecord task(long version, String name, String json) {
        return new PredictionTaskRecord(ids.next(), dataset.id(), version, name, json, NOW);
    }

    @Test
    void samplePredictions_arePerSampleAndVersion_inSampleOrder() {
        NewSample a = new NewSample(ids.next(), "a.jpg", null, null, "{}", null, 1);
        NewSample b = new NewSample(ids.next(), "b.jpg", null, null, "{}", null, 1);
        store.samples().insertBatch(dataset.id(), List.of(a, b), 100, NOW);
        SamplePredictionStore predictions = store.samplePredictions();
        String id = predictions.put(ids.next(), dataset.id(), b.id(), -1, "[1]", NOW);
        assertThat(predictions.put(ids.next(), dataset.id(), b.id(), -1, "[2]", NOW)).isEqualTo(id);
        predictions.put(ids.next(), dataset.id(), a.id(), -1, "[3]", NOW);
        predictions.put(ids.next(), dataset.id(), a.id(), 9, "[4]", NOW);
        assertThat(predictions.find(dataset.id(), b.id(), -1)).contains("[2]");
        assertThat(predictions.list(dataset.id(), -1)).containsExactly("[3]", "[2]");
        assertThatThrownBy(
                        () -> predictions.put(ids.next(), dataset.id(), ids.next(), 1, "[]", NOW))
                .isInstanceOf(MissingException.class);
    }

    @Test
    void aMillionScores_areOneRow() {
        double[] values = new double[1_000_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i / 1e6;
        }
        ScoreRecord stored = store.scores().put(scores(tag, "big", values));
        assertThat(store.scores().find(dataset.id(), stored.id()).orElseThrow().values())
                .isEqualTo(values);
    }
}
