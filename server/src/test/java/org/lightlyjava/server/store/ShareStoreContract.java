package org.lightlyjava.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.server.service.Ids;
import org.lightlyjava.server.store.DatasetAccess.Role;

/**
 * Shared datasets in the store, run against each database ({@link SqliteShareStoreTest}, {@link
 * PostgresShareStoreTest}).
 */
abstract class ShareStoreContract {

    private static final long NOW = 1_700_000_000_000L;

    @TempDir Path dir;
    private Store store;
    private ShareStore shares;
    private final Ids ids = new Ids(Clock.systemUTC());
    private UserRecord alice;
    private UserRecord bob;
    private UserRecord carol;

    abstract Store open(Path dir);

    @BeforeEach
    void openStore() {
        store = open(dir);
        shares = store.shares();
        alice = store.users().createIfAbsent(ids.next(), "alice", NOW);
        bob = store.users().createIfAbsent(ids.next(), "bob@example.com", NOW);
        carol = store.users().createIfAbsent(ids.next(), "carol", NOW);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private DatasetRecord dataset(UserRecord owner, String name, long createdAt) {
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
                        createdAt,
                        createdAt);
        store.datasets().insert(d);
        return d;
    }

    private Role role(UserRecord user, DatasetRecord d) {
        return shares.access(user.id(), d.id()).map(DatasetAccess::role).orElse(null);
    }

    @Test
    void access_isOwnerForTheOwnerAndNothingForOthers() {
        DatasetRecord d = dataset(alice, "farm", NOW);
        assertThat(shares.access(alice.id(), d.id())).contains(new DatasetAccess(d, Role.OWNER));
        assertThat(shares.access(bob.id(), d.id())).isEmpty();
        assertThat(shares.access(alice.id(), ids.next())).isEmpty();
    }

    @Test
    void replace_grantsMovesAndRevokesRoles() {
        DatasetRecord d = dataset(alice, "farm", NOW);
        String write = shares.replace(d.id(), "WRITE", List.of(bob.id()), ids.next(), NOW);
        String read = shares.replace(d.id(), "READ", List.of(carol.id()), ids.next(), NOW + 1);
        assertThat(role(bob, d)).isEqualTo(Role.WRITE);
        assertThat(role(carol, d)).isEqualTo(Role.READ);
        assertThat(shares.access(bob.id(), d.id()).get().dataset()).isEqualTo(d);

        // The same type again updates that config; carol moves from READ to WRITE.
        String again =
                shares.replace(d.id(), "WRITE", List.of(carol.id(), bob.id()), ids.next(), NOW + 2);
        assertThat(again).isEqualTo(write);
        assertThat(role(carol, d)).isEqualTo(Role.WRITE);
        assertThat(shares.configs(d.id()))
                .extracting(
                        SharedAccessRecord::id,
                        SharedAccessRecord::accessType,
                        SharedAccessRecord::userNames,
                        SharedAccessRecord::lastModifiedAt)
                .containsExactly(
                        tuple(write, "WRITE", List.of("carol", "bob@example.com"), NOW + 2),
                        tuple(read, "READ", List.of(), NOW + 1));

        shares.replace(d.id(), "WRITE", List.of(), ids.next(), NOW + 3);
        assertThat(role(bob, d)).isNull();
        assertThat(role(carol, d)).isNull();
    }

    @Test
    void deleteConfig_revokesItsUsersOnly() {
        DatasetRecord d = dataset(alice, "farm", NOW);
        String write = shares.replace(d.id(), "WRITE", List.of(bob.id()), ids.next(), NOW);
        shares.replace(d.id(), "READ", List.of(carol.id()), ids.next(), NOW);
        DatasetRecord other = dataset(alice, "other", NOW);

        assertThat(shares.deleteConfig(other.id(), write)).isFalse();
        assertThat(role(bob, d)).isEqualTo(Role.WRITE);
        assertThat(shares.deleteConfig(d.id(), write)).isTrue();
        assertThat(shares.deleteConfig(d.id(), write)).isFalse();
        assertThat(role(bob, d)).isNull();
        assertThat(role(carol, d)).isEqualTo(Role.READ);
    }

    @Test
    void sharedWith_listsOthersDatasetsInCreationOrderWithTheRole() {
        DatasetRecord second = dataset(alice, "second", NOW + 10);
        DatasetRecord first = dataset(carol, "first", NOW);
        dataset(bob, "own", NOW);
        dataset(alice, "not shared", NOW);
        shares.replace(second.id(), "READ", List.of(bob.id()), ids.next(), NOW);
        shares.replace(first.id(), "WRITE", List.of(bob.id()), ids.next(), NOW);

        assertThat(shares.sharedWith(bob.id(), 0, 10))
                .containsExactly(
                        new DatasetAccess(first, Role.WRITE), new DatasetAccess(second, Role.READ));
        assertThat(shares.sharedWith(bob.id(), 1, 10))
                .containsExactly(new DatasetAccess(second, Role.READ));
        assertThat(shares.sharedWith(alice.id(), 0, 10)).isEmpty();
        assertThat(shares.sharedWithByName(bob.id(), "first"))
                .containsExactly(new DatasetAccess(first, Role.WRITE));
        assertThat(shares.sharedWithByName(bob.id(), "own")).isEmpty();
    }

    @Test
    void replace_isAllOrNothing() {
        DatasetRecord d = dataset(alice, "farm", NOW);
        shares.replace(d.id(), "WRITE", List.of(bob.id()), ids.next(), NOW);
        String unknownUser = ids.next();

        assertThatThrownBy(
                        () ->
                                shares.replace(
                                        d.id(),
                                        "WRITE",
                                        List.of(carol.id(), unknownUser),
                                        ids.next(),
                                        NOW + 1))
                .isInstanceOf(RuntimeException.class);
        assertThat(role(bob, d)).isEqualTo(Role.WRITE);
        assertThat(role(carol, d)).isNull();
        assertThatThrownBy(() -> shares.replace(ids.next(), "WRITE", List.of(), ids.next(), NOW))
                .isInstanceOf(MissingException.class);
    }

    @Test
    void deletingTheDataset_dropsItsShares() {
        DatasetRecord d = dataset(alice, "farm", NOW);
        shares.replace(d.id(), "WRITE", List.of(bob.id()), ids.next(), NOW);
        assertThat(store.datasets().delete(alice.id(), d.id())).isTrue();
        assertThat(shares.sharedWith(bob.id(), 0, 10)).isEmpty();
        assertThat(shares.configs(d.id())).isEmpty();
    }

    @Test
    void findUser_byIdOrName() {
        assertThat(shares.findUser(bob.id())).contains(bob);
        assertThat(shares.findUser("bob@example.com")).contains(bob);
        assertThat(shares.findUser("nobody")).isEmpty();
    }
}
