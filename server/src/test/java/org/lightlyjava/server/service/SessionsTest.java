package org.lightlyjava.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.server.store.Store;
import org.lightlyjava.server.store.jdbi.JdbiStore;

/** Session values: genuine, bound to their token, and over at their expiry. */
class SessionsTest {

    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");
    private static final byte[] KEY = new byte[32];

    @TempDir Path dir;
    private Store store;

    @BeforeEach
    void open() {
        store = JdbiStore.open("jdbc:sqlite:" + dir.resolve("s.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Tokens tokens(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new Tokens(store.users(), new Ids(clock), clock);
    }

    private Sessions sessions(Instant now, byte[] key) {
        return new Sessions(tokens(now), store.users(), key, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aValidToken_opensASessionOfItsUser_withoutTheTokenInIt() {
        Tokens.Issued issued = tokens(T).issue("alice", null);
        Sessions.Session session = sessions(T, KEY).open(issued.token()).orElseThrow();
        assertThat(session.value()).doesNotContain(issued.token()).matches("[a-f0-9.A-Za-z_-]+");
        assertThat(session.maxAgeSeconds()).isEqualTo(Sessions.TTL.toSeconds());
        assertThat(session.userName()).isEqualTo("alice");
        assertThat(session.toString()).doesNotContain(session.value());
        assertThat(sessions(T, KEY).user(session.value()))
                .get()
                .extracting(u -> u.name())
                .isEqualTo("alice");
        assertThat(sessions(T, KEY).open("f".repeat(64))).isEmpty();
        assertThat(sessions(T, KEY).open(null)).isEmpty();
    }

    @Test
    void aChangedValue_orAnotherServersKey_isNoSession() {
        Tokens.Issued issued = tokens(T).issue("alice", null);
        String value = sessions(T, KEY).open(issued.token()).orElseThrow().value();
        int at = value.length() - 20; // inside the MAC
        char c = value.charAt(at);
        String tampered = value.substring(0, at) + (c == 'A' ? 'B' : 'A') + value.substring(at + 1);
        assertThat(sessions(T, KEY).user(tampered)).isEmpty();
        String longer = value.replaceFirst("\\.(\\d+)\\.", ".9$1.");
        assertThat(sessions(T, KEY).user(longer)).as("a later expiry").isEmpty();
        byte[] other = Arrays.copyOf(KEY, 32);
        other[0] = 1;
        assertThat(sessions(T, other).user(value)).isEmpty();
        assertThat(sessions(T, KEY).user("")).isEmpty();
        assertThat(sessions(T, KEY).user(null)).isEmpty();
        assertThat(sessions(T, KEY).user(issued.token())).isEmpty();
    }

    @Test
    void aSession_endsAtItsExpiry_orSoonerWithItsToken() {
        Tokens.Issued lasting = tokens(T).issue("alice", null);
        String value = sessions(T, KEY).open(lasting.token()).orElseThrow().value();
        Instant almost = T.plus(Sessions.TTL).minusSeconds(1);
        assertThat(sessions(almost, KEY).user(value)).isPresent();
        assertThat(sessions(T.plus(Sessions.TTL), KEY).user(value)).isEmpty();

        Tokens.Issued hour = tokens(T).issue("bob", Duration.ofHours(1));
        Sessions.Session brief = sessions(T, KEY).open(hour.token()).orElseThrow();
        assertThat(brief.maxAgeSeconds()).isEqualTo(3600);
        assertThat(sessions(T.plusSeconds(3600), KEY).user(brief.value())).isEmpty();
    }

    @Test
    void revokingTheToken_endsItsSessions() {
        Tokens.Issued issued = tokens(T).issue("alice", null);
        String value = sessions(T, KEY).open(issued.token()).orElseThrow().value();
        store.users().revokeToken(issued.tokenId());
        assertThat(sessions(T, KEY).user(value)).isEmpty();
    }

    @Test
    void signingOut_endsThatSessionOnly_evenOneOpenedInTheSameSecond() {
        Tokens.Issued issued = tokens(T).issue("alice", null);
        String ended = sessions(T, KEY).open(issued.token()).orElseThrow().value();
        String kept = sessions(T, KEY).open(issued.token()).orElseThrow().value();
        assertThat(kept).isNotEqualTo(ended);
        sessions(T, KEY).end(ended);
        assertThat(sessions(T.plusSeconds(1), KEY).user(ended)).isEmpty();
        assertThat(sessions(T.plusSeconds(1), KEY).user(kept)).isPresent();
        sessions(T, KEY).end("x." + kept);
        assertThat(sessions(T, KEY).user(kept))
                .as("a value that is no session ends nothing")
                .isPresent();
    }
}
