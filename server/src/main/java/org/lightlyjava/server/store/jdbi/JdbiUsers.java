package org.lightlyjava.server.store.jdbi;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.lightlyjava.server.store.DuplicateException;
import org.lightlyjava.server.store.TokenRecord;
import org.lightlyjava.server.store.UserRecord;
import org.lightlyjava.server.store.UserStore;

final class JdbiUsers implements UserStore {

    private static final String TOKEN_SELECT =
            "SELECT t.id, t.user_id, u.name AS user_name, t.token_hash, t.last4, t.created_at,"
                    + " t.expires_at FROM tokens t JOIN users u ON u.id = t.user_id";

    private final Jdbi jdbi;

    JdbiUsers(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public UserRecord createIfAbsent(String newId, String name, long now) {
        Optional<UserRecord> existing = findByName(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            jdbi.useHandle(
                    h ->
                            h.createUpdate(
                                            "INSERT INTO users (id, name, created_at)"
                                                    + " VALUES (:id, :name, :now)")
                                    .bind("id", newId)
                                    .bind("name", name)
                                    .bind("now", now)
                                    .execute());
            return new UserRecord(newId, name, now);
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                // created in between by another process
                return findByName(name).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    @Override
    public Optional<UserRecord> findByName(String name) {
        return jdbi.withHandle(
                h ->
                        h.createQuery("SELECT id, name, created_at FROM users WHERE name = :name")
                                .bind("name", name)
                                .map(Rows.USER)
                                .findOne());
    }

    @Override
    public void addToken(TokenRecord token) {
        try {
            jdbi.useHandle(
                    h ->
                            h.createUpdate(
                                            "INSERT INTO tokens (id, user_id, token_hash, last4,"
                                                    + " created_at, expires_at) VALUES (:id,"
                                                    + " :userId, :hash, :last4, :createdAt,"
                                                    + " :expiresAt)")
                                    .bindMethods(token)
                                    .execute());
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new DuplicateException("token exists", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<TokenMatch> findByTokenHash(String hash, long now) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT u.id, u.name, u.created_at, t.token_hash,"
                                                + " t.id AS token_id, t.expires_at FROM"
                                                + " tokens t JOIN users u ON u.id = t.user_id"
                                                + " WHERE t.token_hash = :hash AND (t.expires_at"
                                                + " IS NULL OR t.expires_at > :now)")
                                .bind("hash", hash)
                                .bind("now", now)
                                .map(
                                        (rs, ctx) ->
                                                new TokenMatch(
                                                        Rows.USER.map(rs, ctx),
                                                        rs.getString("token_hash"),
                                                        rs.getString("token_id"),
                                                        Sql.nullableLong(rs, "expires_at")))
                                .findOne());
    }

    @Override
    public Optional<UserRecord> findByTokenId(String tokenId, long now) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT u.id, u.name, u.created_at FROM tokens t JOIN"
                                                + " users u ON u.id = t.user_id WHERE t.id ="
                                                + " :tokenId AND (t.expires_at IS NULL OR"
                                                + " t.expires_at > :now)")
                                .bind("tokenId", tokenId)
                                .bind("now", now)
                                .map(Rows.USER)
                                .findOne());
    }

    @Override
    public List<TokenRecord> tokens() {
        return jdbi.withHandle(
                h ->
                        h.createQuery(TOKEN_SELECT + " ORDER BY t.created_at, t.id")
                                .map(Rows.TOKEN)
                                .list());
    }

    @Override
    public boolean revokeToken(String tokenId) {
        return jdbi.withHandle(
                        h ->
                                h.createUpdate("DELETE FROM tokens WHERE id = :id")
                                        .bind("id", tokenId)
                                        .execute())
                > 0;
    }

    @Override
    public int revokeTokensOf(String userId) {
        return jdbi.withHandle(
                h ->
                        h.createUpdate("DELETE FROM tokens WHERE user_id = :userId")
                                .bind("userId", userId)
                                .execute());
    }

    @Override
    public int deleteExpiredTokens(long now) {
        return jdbi.withHandle(
                h ->
                        h.createUpdate(
                                        "DELETE FROM tokens WHERE expires_at IS NOT NULL AND"
                                                + " expires_at <= :now")
                                .bind("now", now)
                                .execute());
    }

    @Override
    public void endSession(String mac, long expiresAt) {
        jdbi.useHandle(
                h ->
                        h.createUpdate(
                                        "INSERT INTO ended_sessions (mac, expires_at) VALUES (:mac,"
                                                + " :expiresAt) ON CONFLICT (mac) DO NOTHING")
                                .bind("mac", mac)
                                .bind("expiresAt", expiresAt)
                                .execute());
    }

    @Override
    public boolean sessionEnded(String mac) {
        return jdbi.withHandle(
                h ->
                        h.createQuery("SELECT COUNT(*) FROM ended_sessions WHERE mac = :mac")
                                        .bind("mac", mac)
                                        .mapTo(Long.class)
                                        .one()
                                > 0);
    }

    @Override
    public int deleteEndedSessions(long now) {
        return jdbi.withHandle(
                h ->
                        h.createUpdate("DELETE FROM ended_sessions WHERE expires_at <= :now")
                                .bind("now", now)
                                .execute());
    }
}
