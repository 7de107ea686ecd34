package org.lightlyjava.server.store;

/**
 * A token as stored: never the token itself, only its SHA-256 ({@code hash}, hex) and its last
 * characters for people to tell tokens apart.
 *
 * @param expiresAt milliseconds since the epoch, or null for a token that lasts until revoked
 */
public record TokenRecord(
        String id,
        String userId,
        String userName,
        String hash,
        String last4,
        long createdAt,
        Long expiresAt) {}
