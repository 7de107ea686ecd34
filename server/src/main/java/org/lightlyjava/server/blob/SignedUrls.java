package org.lightlyjava.server.blob;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * URLs to the server's own blob route, {@code /v1/blobs/<key>?expires=<unix s>&signature=<s>} (the
 * key a {@link BlobKey}'s or a {@link DatasourceKey}'s text), where the signature is HMAC-SHA256
 * over method, key and expiry with the server's key (base64url). Anyone holding the URL may do that
 * one method on that one blob until it expires; nothing else.
 */
public final class SignedUrls implements BlobUrls {

    /** The path prefix of the blob route. */
    public static final String ROUTE = "/v1/blobs/";

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration writeTtl;
    private final Duration readTtl;

    /** What a check of a URL found. */
    public enum Check {
        VALID,
        EXPIRED,
        INVALID
    }

    public SignedUrls(byte[] key, Clock clock, Duration writeTtl, Duration readTtl) {
        this.key = new SecretKeySpec(key.clone(), HMAC);
        this.clock = clock;
        this.writeTtl = writeTtl;
        this.readTtl = readTtl;
    }

    @Override
    public String writeUrl(String base, BlobKey blob) {
        return url(base, "PUT", blob, writeTtl);
    }

    @Override
    public String readUrl(String base, BlobKey blob) {
        return url(base, "GET", blob, readTtl);
    }

    @Override
    public String readUrl(String base, BlobKey blob, Duration ttl) {
        return url(base, "GET", blob, ttl);
    }

    /** A URL to GET a datasource file for {@code ttl}. */
    public String datasourceReadUrl(String base, DatasourceKey key, Duration ttl) {
        return url(base, "GET", key.text(), ttl);
    }

    /** A URL to GET a datasource file (or its redirect), or PUT a LOCAL datasource's file. */
    public String datasourceUrl(String base, String method, DatasourceKey key) {
        return url(base, method, key.text(), method.equals("PUT") ? writeTtl : readTtl);
    }

    private String url(String base, String method, BlobKey blob, Duration ttl) {
        return url(base, method, blob.text(), ttl);
    }

    private String url(String base, String method, String keyText, Duration ttl) {
        long expires = clock.instant().plus(ttl).getEpochSecond();
        return base
                + ROUTE
                + keyText
                + "?expires="
                + expires
                + "&signature="
                + sign(method, keyText, expires);
    }

    /**
     * Checks a request to the blob route.
     *
     * @param expires the {@code expires} parameter as sent, may be null
     * @param signature the {@code signature} parameter as sent, may be null
     */
    public Check check(String method, String keyText, String expires, String signature) {
        if (expires == null || signature == null || !expires.matches("\\d{1,12}")) {
            return Check.INVALID;
        }
        long expiry = Long.parseLong(expires);
        byte[] expected = sign(method, keyText, expiry).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return Check.INVALID;
        }
        return clock.instant().getEpochSecond() > expiry ? Check.EXPIRED : Check.VALID;
    }

    private String sign(String method, String keyText, long expires) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            byte[] digest =
                    mac.doFinal(
                            (method + "\n" + keyText + "\n" + expires)
                                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
