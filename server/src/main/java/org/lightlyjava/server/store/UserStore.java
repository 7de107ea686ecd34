package org.lightlyjava.server.store;

import java.util.List;
import java.util.Optional;

/** Users and their tokens (hashes only). */
public interface UserStore {

    /** The user with this name, created now with {@code newId} when there is none. */
    UserRecord createIfAbsent(String newId, String name, long now);

    Optional<UserRecord> findByName(String name);

    /** Stores a token hash for a user. */
    void addToken(TokenRecord token);

    /**
     * The unexpired token with this SHA-256 (hex), if any, with its user.
     *
     * @return the user and the stored hash, for a constant-time comparison
     */
    Optional<TokenMatch> findByTokenHash(String hash, long now);

    /**
     * A token found by its hash: whose it is, the hash as stored, its id and expiry (null: none).
     */
    record TokenMatch(UserRecord user, String storedHash, String tokenId, Long expiresAt) {}

    /** The user of the unexpired token with this id, if the token still exists. */
    Optional<UserRecord> findByTokenId(String tokenId, long now);

    /** All tokens, oldest first. */
    List<TokenRecord> tokens();

    /** Deletes one token; false when there is no such token. */
    boolean revokeToken(String tokenId);

    /** Deletes all tokens of a user; returns how many. */
    int revokeTokensOf(String userId);

    /** Deletes tokens that expired before {@code now}; returns how many. */
    int deleteExpiredTokens(long now);

    /**
     * Records that the session with this MAC was signed out; it would expire at {@code expiresAt}.
     */
    void endSession(String mac, long expiresAt);

    /** Whether the session with this MAC was signed out. */
    boolean sessionEnded(String mac);

    /** Forgets signed-out sessions that expired before {@code now}; returns how many. */
    int deleteEndedSessions(long now);
}
