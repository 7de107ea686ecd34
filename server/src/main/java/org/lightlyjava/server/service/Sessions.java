package org.lightlyjava.server.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.lightlyjava.server.store.UserRecord;
import org.lightlyjava.server.store.UserStore;

/**
 * Sessions of the web page. The page trades a token once for a session value, which the browser
 * keeps in an HttpOnly cookie, so the token never appears in a URL (an {@code <img src>} carries no
 * token). The value is {@code <user id>.<token id>.<expiry, Unix s>.<nonce>.<MAC>}: HMAC-SHA256
 * over the first four (the random nonce tells apart sessions opened in the same second), base64url,
 * under a key derived from the server's signing key (a blob URL's signature is never a session's).
 * A session ends at its expiry (12 h, sooner when its token expires sooner), when its token is
 * revoked, when {@code server.key} changes, or when it signs out ({@link #end}): then its MAC is
 * stored until the expiry, so a copy of the cookie is refused too.
 */
public final class Sessions {

    /** How long a session lasts at most. */
    public static final Duration TTL = Duration.ofHours(12);

    private static final String HMAC = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern VALUE =
            Pattern.compile(
                    "([a-f0-9]{24})\\.([a-f0-9]{24})\\.(\\d{1,12})\\.([a-f0-9]{16})\\.([A-Za-z0-9_-]{43})");

    private final Tokens tokens;
    private final UserStore users;
    private final SecretKeySpec key;
    private final Clock clock;

    public Sessions(Tokens tokens, UserStore users, byte[] serverKey, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.key = new SecretKeySpec(mac(new SecretKeySpec(serverKey, HMAC), "session-key"), HMAC);
        this.clock = clock;
    }

    /** A new session: the cookie's value and how many seconds it lasts. */
    public record Session(String value, long maxAgeSeconds, String userName) {

        @Override
        public String toString() {
            return "Session[" + userName + ", " + maxAgeSeconds + " s]";
        }
    }

    /** A session for the token's user, or empty when the token is not valid. */
    public Optional<Session> open(String token) {
        return tokens.match(token).map(this::session);
    }

    private Session session(UserStore.TokenMatch match) {
        long now = clock.instant().getEpochSecond();
        long expires = now + TTL.toSeconds();
        if (match.expiresAt() != null) {
            expires = Math.min(expires, match.expiresAt() / 1000);
        }
        byte[] nonce = new byte[8];
        RANDOM.nextBytes(nonce);
        String payload =
                match.user().id()
                        + "."
                        + match.tokenId()
                        + "."
                        + expires
                        + "."
                        + HexFormat.of().formatHex(nonce);
        return new Session(payload + "." + sign(payload), expires - now, match.user().name());
    }

    /** The user of a session value, while it is genuine, unexpired and its token still valid. */
    public Optional<UserRecord> user(String value) {
        Optional<Matcher> genuine = genuine(value);
        if (genuine.isEmpty() || users.sessionEnded(genuine.get().group(5))) {
            return Optional.empty();
        }
        Matcher m = genuine.get();
        return tokens.userOf(m.group(2)).filter(user -> user.id().equals(m.group(1)));
    }

    /**
     * Signs a session out for good; a value that is not a genuine, unexpired session is ignored.
     */
    public void end(String value) {
        genuine(value)
                .ifPresent(m -> users.endSession(m.group(5), Long.parseLong(m.group(3)) * 1000));
    }

    /** The parts of a value this server signed and that has not expired. */
    private Optional<Matcher> genuine(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = VALUE.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        String payload = m.group(1) + "." + m.group(2) + "." + m.group(3) + "." + m.group(4);
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, m.group(5).getBytes(StandardCharsets.US_ASCII))
                || clock.instant().getEpochSecond() >= Long.parseLong(m.group(3))) {
            return Optional.empty();
        }
        return Optional.of(m);
    }

    private String sign(String payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(key, payload));
    }

    private static byte[] mac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
