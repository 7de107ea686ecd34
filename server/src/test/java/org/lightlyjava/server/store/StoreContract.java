package org.lightlyjava.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.server.service.Ids;

/**
 * The store's behaviour, run against each database ({@link SqliteStoreTest}, {@link
 * PostgresStoreTest}); the cases for samples and tags are in {@link SampleStoreContract}.
 */
abstract class StoreContract {

    static final long NOW = 1_700_000_000_000L;

    @TempDir Path dir;
    Store store;
    final Ids ids = new Ids(Clock.systemUTC());
    UserRecord alice;
    UserRecord bob;

    /** Opens an empty, migrated store. */
    abstract Store open(Path dir);

    @BeforeEach
    void openStore() {
        store = open(dir);
        alice = store.users().createIfAbsent(ids.next(), "alice", NOW);
        bob = store.users().createIfAbsent(ids.next(), "bob", NOW);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    DatasetRecord dataset(UserRecord owner, String name) {
        DatasetRecord d =
                new DatasetRecord(
                        ids.next(),
                        owner.id(),
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

    NewSample sample(String fileName, long size) {
        return new NewSample(
                ids.next(), fileName, null, null, "{\"sizeInBytes\":" + size + "}", null, size);
    }

    List<NewSample> samples(int from, int to) {
        List<NewSample> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(sample("f" + i + ".jpg", 10));
        }
        return out;
    }

    @Test
    void users_areCreatedOnce() {
        UserRecord again = store.users().createIfAbsent(ids.next(), "alice", NOW + 1);
        assertThat(again).isEqualTo(alice);
        assertThat(store.users().findByName("carol")).isEmpty();
    }

    @Test
    void tokens_areFoundByHashUntilTheyExpireOrAreRevoked() {
        TokenRecord lasting = token(alice, "a".repeat(64), null);
        TokenRecord shortLived = token(bob, "b".repeat(64), NOW + 1000);
        assertThat(store.users().findByTokenHash(lasting.hash(), NOW))
                .get()
                .extracting(m -> m.user().name(), m -> m.storedHash())
                .containsExactly("alice", lasting.hash());
        assertThat(store.users().findByTokenHash(shortLived.hash(), NOW + 999)).isPresent();
        assertThat(store.users().findByTokenHash(shortLived.hash(), NOW + 1000)).isEmpty();
        assertThat(store.users().tokens())
                .extracting(TokenRecord::userName)
                .containsExactly("alice", "bob");

        assertThat(store.users().deleteExpiredTokens(NOW + 5000)).isEqualTo(1);
        assertThat(store.users().revokeToken(lasting.id())).isTrue();
        assertThat(store.users().revokeToken(lasting.id())).isFalse();
        assertThat(store.users().findByTokenHash(lasting.hash(), NOW)).isEmpty();
    }

    @Test
    void tokens_ofAUserAreRevokedTogether() {
        token(alice, "1".repeat(64), null);
        token(alice, "2".repeat(64), null);
        assertThat(store.users().revokeTokensOf(alice.id())).isEqualTo(2);
        assertThat(store.users().tokens()).isEmpty();
    }

    @Test
    void endedSessions_areRememberedUntilTheyExpire() {
        String mac = "m".repeat(43);
        assertThat(store.users().sessionEnded(mac)).isFalse();
        store.users().endSession(mac, NOW + 1000);
        store.users().endSession(mac, NOW + 1000);
        assertThat(store.users().sessionEnded(mac)).isTrue();
        assertThat(store.users().sessionEnded("n".repeat(43))).isFalse();
        assertThat(store.users().deleteEndedSessions(NOW)).isZero();
        assertThat(store.users().deleteEndedSessions(NOW + 1000)).isEqualTo(1);
        assertThat(store.users().sessionEnded(mac)).isFalse();
    }

    private TokenRecord token(UserRecord user, String hash, Long expiresAt) {
        TokenRecord t =
                new TokenRecord(
                        ids.next(),
                        user.id(),
                        user.name(),
                        hash,
                        hash.substring(60),
                        NOW,
                        expiresAt);
        store.users().addToken(t);
        return t;
    }

    @Test
    void datasets_belongToTheirOwner() {
        DatasetRecord d = dataset(alice, "farm");
        assertThat(store.datasets().find(alice.id(), d.id())).contains(d);
        assertThat(store.datasets().find(bob.id(), d.id())).isEmpty();
        assertThat(store.datasets().findByName(alice.id(), "farm")).contains(d);
        assertThat(store.datasets().findByName(bob.id(), "farm")).isEmpty();
        assertThat(store.datasets().delete(bob.id(), d.id())).isFalse();
        dataset(bob, "farm"); // names are unique per user only
    }

    @Test
    void datasets_refuseATakenName() {
        dataset(alice, "farm");
        assertThatThrownBy(() -> dataset(alice, "farm")).isInstanceOf(DuplicateException.class);
        assertThat(store.datasets().list(alice.id(), 0, 10)).hasSize(1);
    }

    @Test
    void datasets_listInCreationOrderWithPaging() {
        for (int i = 0; i < 5; i++) {
            dataset(alice, "set " + i);
        }
        assertThat(store.datasets().list(alice.id(), 1, 2))
                .extracting(DatasetRecord::name)
                .containsExactly("set 1", "set 2");
        assertThat(store.datasets().list(alice.id(), 5, 2)).isEmpty();
        assertThat(store.datasets().list(alice.id(), 0, Long.MAX_VALUE)).hasSize(5);
    }

    @Test
    void datasets_deleteTakesEverythingInThem() {
        DatasetRecord d = dataset(alice, "farm");
        store.samples().insertBatch(d.id(), samples(0, 3), 100, NOW);
        store.tags().createInitial(tag(d, "initial-tag", true), "meta");
        store.embeddings()
                .insert(new EmbeddingRecord(ids.next(), d.id(), "default", false, null, null, NOW));
        store.datasets()
                .registerUpload(new UploadRegistration(d.id(), 3L, 0L, "USER_PIP", true, NOW));

        assertThat(store.datasets().delete(alice.id(), d.id())).isTrue();
        assertThat(store.datasets().find(alice.id(), d.id())).isEmpty();
        assertThat(store.tags().list(d.id())).isEmpty();
        assertThat(store.embeddings().list(d.id())).isEmpty();
        assertThat(store.datasets().uploadRegistration(d.id())).isEmpty();
        List<String> names = new ArrayList<>();
        store.samples().forEachName(d.id(), true, names::add);
        assertThat(names).isEmpty();
    }

    @Test
    void uploadRegistration_isReplaced() {
        DatasetRecord d = dataset(alice, "farm");
        store.datasets()
                .registerUpload(new UploadRegistration(d.id(), 10L, 0L, "USER_PIP", true, NOW));
        UploadRegistration second =
                new UploadRegistration(d.id(), 10L, 4L, "USER_PIP", true, NOW + 1);
        store.datasets().registerUpload(second);
        assertThat(store.datasets().uploadRegistration(d.id())).contains(second);
    }

    @Test
    void embeddings_listNewestFirstAndKeepTheir2dProjections() {
        DatasetRecord d = dataset(alice, "farm");
        EmbeddingRecord first =
                new EmbeddingRecord(ids.next(), d.id(), "default", false, null, null, NOW);
        EmbeddingRecord second =
                new EmbeddingRecord(ids.next(), d.id(), "default_2", false, null, null, NOW + 1);
        store.embeddings().insert(first);
        store.embeddings().insert(second);
        assertThatThrownBy(
                        () ->
                                store.embeddings()
                                        .insert(
                                                new EmbeddingRecord(
                                                        ids.next(),
                                                        d.id(),
                                                        "default",
                                                        false,
                                                        null,
                                                        null,
                                                        NOW)))
                .isInstanceOf(DuplicateException.class);
        assertThat(store.embeddings().list(d.id()))
                .extracting(EmbeddingRecord::name)
                .containsExactly("default_2", "default");

        assertThat(store.embeddings().markProcessed(first.id(), 3, 32)).isTrue();
        assertThat(store.embeddings().findByName(d.id(), "default"))
                .get()
                .extracting(
                        EmbeddingRecord::processed,
                        EmbeddingRecord::rowCount,
                        EmbeddingRecord::dimension)
                .containsExactly(true, 3L, 32);

        Embedding2dRecord pca =
                new Embedding2dRecord(ids.next(), first.id(), d.id(), "PCA", "PCA", NOW);
        Embedding2dRecord pcaAgain =
                new Embedding2dRecord(ids.next(), first.id(), d.id(), "PCA", "PCA", NOW + 1);
        store.embeddings().put2d(pca);
        store.embeddings().put2d(pcaAgain);
        assertThat(store.embeddings().list2d(first.id())).containsExactly(pcaAgain);
        assertThat(store.embeddings().find2d(first.id(), pcaAgain.id())).contains(pcaAgain);
        assertThat(store.embeddings().find2d(second.id(), pcaAgain.id())).isEmpty();
    }

    TagRecord tag(DatasetRecord d, String name, boolean initial) {
        return new TagRecord(
                ids.next(),
                d.id(),
                name,
                initial,
                null,
                null,
                null,
                "0x0",
                0,
                "USER_PIP",
                null,
                null,
                NOW,
                NOW);
    }
}
