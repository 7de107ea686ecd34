package org.lightlyjava.server.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignedUrlsTest {

    private static final BlobKey KEY =
            BlobKey.full("0123456789abcdef01234567", "fedcba9876543210fedcba98");
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private final SignedUrls urls = signer(new byte[32], NOW);

    private static SignedUrls signer(byte[] key, Instant now) {
        return new SignedUrls(
                key, Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(15), Duration.ofHours(1));
    }

    private static String param(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    @Test
    void aUrlIsValidForItsMethodKeyAndTime() {
        String write = urls.writeUrl("http://h:1", KEY);
        assertThat(write).startsWith("http://h:1/v1/blobs/" + KEY.text() + "?expires=");
        String expires = param(write, "expires");
        String signature = param(write, "signature");
        assertThat(Long.parseLong(expires)).isEqualTo(NOW.getEpochSecond() + 900);
        assertThat(urls.check("PUT", KEY.text(), expires, signature))
                .isEqualTo(SignedUrls.Check.VALID);
        assertThat(urls.check("GET", KEY.text(), expires, signature))
                .isEqualTo(SignedUrls.Check.INVALID);
        assertThat(
                        urls.check(
                                "PUT",
                                BlobKey.thumbnail(KEY.datasetId(), KEY.id()).text(),
                                expires,
                                signature))
                .isEqualTo(SignedUrls.Check.INVALID);
        assertThat(
                        urls.check(
                                "PUT",
                                KEY.text(),
                                Long.toString(Long.parseLong(expires) + 1),
                                signature))
                .isEqualTo(SignedUrls.Check.INVALID);
        assertThat(urls.check("PUT", KEY.text(), null, signature))
                .isEqualTo(SignedUrls.Check.INVALID);
        assertThat(urls.check("PUT", KEY.text(), "1e9", signature))
                .isEqualTo(SignedUrls.Check.INVALID);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThat(signer(otherKey, NOW).check("PUT", KEY.text(), expires, signature))
                .isEqualTo(SignedUrls.Check.INVALID);
    }

    @Test
    void readUrlsLastAnHourThenExpire() {
        String read = urls.readUrl("http://h:1", KEY);
        String expires = param(read, "expires");
        String signature = param(read, "signature");
        assertThat(
                        signer(new byte[32], NOW.plusSeconds(3600))
                                .check("GET", KEY.text(), expires, signature))
                .isEqualTo(SignedUrls.Check.VALID);
        assertThat(
                        signer(new byte[32], NOW.plusSeconds(3601))
                                .check("GET", KEY.text(), expires, signature))
                .isEqualTo(SignedUrls.Check.EXPIRED);
    }
}
