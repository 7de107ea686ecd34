package org.lightlyjava.server.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.lightlyjava.server.store.TokenRecord;
import org.lightlyjava.server.store.UserRecord;
import org.lightlyjava.server.store.UserStore;

/**
 * API tokens: 32 random bytes as 64 hex characters, shown once when made; the database keeps only
 * their SHA-256 (a high-entropy token needs no slow hash) and last four characters.
 */
public final class Tokens {

    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserStore users;
    private final Ids ids;
    private final Clock clock;

    public Tokens(UserStore users, Ids ids, Clock clock) {
        this.users = users;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Makes a token for the user, creating the user when needed.
     *
     * @param ttl how long it is valid, or null for until revoked
     * @return the token (the only time it exists outside the caller's hands) and its id
     * @throws IllegalArgumentException when the user name is not allowed
     */
    public Issued issue(String userName, Duration ttl) {
        if (!Names.isUser(userName)) {
            throw new IllegalArgumentException(
                    "user names are a letter or digit, then up to 63 letters, digits or ._@-: '"
                            + Ids.shorten(userName)
                            + "'");
        }
        long now = clock.millis();
        UserRecord user = users.createIfAbsent(ids.next(), userName, now);
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = HEX.formatHex(raw);
        Long expiresAt = ttl == null ? null : now + ttl.toMillis();
        String id = ids.next();
        users.addToken(
                new TokenRecord(
                        id,
                        user.id(),
                        user.name(),
                        hash(token),
                        token.substring(token.length() - 4),
                        now,
                        expiresAt));
        return new Issued(token, id);
    }

    /** A new token and the id under which its hash is stored. */
    public record Issued(String token, String tokenId) {}

    /** The user a token belongs to, if it is valid. */
    public Optional<UserRecord> authenticate(String token) {
        return match(token).map(UserStore.TokenMatch::user);
    }

    /** The stored token (user, id, expiry) a token is, if it is valid. */
    public Optional<UserStore.TokenMatch> match(String token) {
        if (token == null || token.isEmpty() || token.length() > 256) {
            return Optional.empty();
        }
        String presented = hash(token);
        return users.findByTokenHash(presented, clock.millis())
                .filter(match -> constantTimeEquals(match.storedHash(), presented));
    }

    /** The user of a token by the token's id, while the token exists and has not expired. */
    public Optional<UserRecord> userOf(String tokenId) {
        return users.findByTokenId(tokenId, clock.millis());
    }

    // The index lookup already matched the hash; this comparison keeps the final decision free of
    // early-exit timing, whatever the database's comparison does.
    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(
                a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** SHA-256 of the token's UTF-8 bytes, as 64 hex characters. */
    public static String hash(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HEX.formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
