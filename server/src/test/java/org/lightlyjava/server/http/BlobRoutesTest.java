package org.lightlyjava.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.model.SampleWriteUrls;
import org.lightlyjava.server.ServerSettings;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/** Signed write and read URLs and the blob route behind them. */
class BlobRoutesTest extends ServerTestBase {

    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 1, 2};

    private final MovableClock clock = new MovableClock();

    @Override
    protected ServerSettings.Builder settings(ServerSettings.Builder builder) {
        return builder.clock(clock).maxBlobBytes(1 << 20);
    }

    private String sampleUrl(String ds, String sample, String rest) {
        return "/v1/datasets/" + ds + "/samples/" + sample + rest;
    }

    @Test
    void putThenGet_returnsTheBytes() {
        String ds = newDataset();
        String sample = Fixtures.samples(alice, ds, 1).get(0);
        assertThat(alice.get(sampleUrl(ds, sample, "/readurl?type=full")).status()).isEqualTo(404);
        String write = alice.get(sampleUrl(ds, sample, "/writeurl?isThumbnail=false")).string();
        assertThat(write).startsWith(alice.base() + "/v1/blobs/").doesNotContain("token=");

        Response put = Api.putUrl(write, JPEG);
        assertThat(put.status()).isEqualTo(200);
        String read = alice.get(sampleUrl(ds, sample, "/readurl?type=full")).string();
        assertThat(Api.getBytes(read)).isEqualTo(JPEG);
        assertThat(Api.getUrl(read).headers().firstValue("content-type")).contains("image/jpeg");
        assertThat(alice.get(sampleUrl(ds, sample, "/readurl?type=thumbnail")).message())
                .contains("never uploaded");

        Response redirect = alice.get(sampleUrl(ds, sample, "/readurlRedirect?type=full"));
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(Api.getBytes(redirect.headers().firstValue("location").orElseThrow()))
                .isEqualTo(JPEG);
        assertThat(alice.get(sampleUrl(ds, sample, "/readurl?type=other")).status()).isEqualTo(400);
    }

    @Test
    void writeurls_giveBothUrlsAndPutsReplace() {
        String ds = newDataset();
        String sample = Fixtures.samples(alice, ds, 1).get(0);
        SampleWriteUrls urls =
                alice.get(sampleUrl(ds, sample, "/writeurls")).as(SampleWriteUrls.class);
        assertThat(Api.putUrl(urls.thumb(), new byte[] {1}).status()).isEqualTo(200);
        assertThat(Api.putUrl(urls.thumb(), new byte[] {2, 2}).status()).isEqualTo(200);
        String read = alice.get(sampleUrl(ds, sample, "/readurl?type=thumbnail")).string();
        assertThat(Api.getBytes(read)).containsExactly(2, 2);
        assertThat(alice.get(sampleUrl(ds, sample, "/writeurl")).status()).isEqualTo(400);
    }

    @Test
    void tamperedOrMisusedUrls_answer403() {
        String ds = newDataset();
        String sample = Fixtures.samples(alice, ds, 1).get(0);
        String write = alice.get(sampleUrl(ds, sample, "/writeurl?isThumbnail=true")).string();
        String otherSample = Fixtures.samples(alice, newDataset(), 1).get(0);

        Response tampered = Api.putUrl(write.replaceFirst("signature=.", "signature=A"), JPEG);
        assertThat(tampered.status()).isEqualTo(403);
        assertThat(tampered.code()).isEqualTo("FORBIDDEN");
        assertThat(Api.putUrl(write.replace(sample, otherSample), JPEG).status()).isEqualTo(403);
        assertThat(
                        Api.putUrl(write.replaceFirst("expires=\\d+", "expires=99999999999"), JPEG)
                                .status())
                .isEqualTo(403);
        assertThat(Api.getUrl(write).status()).as("a write URL does not read").isEqualTo(403);
        assertThat(Api.putUrl(write.substring(0, write.indexOf('?')), JPEG).status())
                .isEqualTo(403);
        assertThat(alice.get(sampleUrl(ds, sample, "/readurl?type=thumbnail")).status())
                .as("nothing was stored")
                .isEqualTo(404);
    }

    @Test
    void expiredUrls_answer403() {
        String ds = newDataset();
        String sample = Fixtures.samples(alice, ds, 1).get(0);
        String write = alice.get(sampleUrl(ds, sample, "/writeurl?isThumbnail=true")).string();
        clock.advance(Duration.ofMinutes(16));
        Response late = Api.putUrl(write, JPEG);
        assertThat(late.status()).isEqualTo(403);
        assertThat(late.message()).contains("expired");
    }

    @Test
    void tooLargeBodies_answer413AndStoreNothing() {
        String ds = newDataset();
        String sample = Fixtures.samples(alice, ds, 1).get(0);
        String write = alice.get(sampleUrl(ds, sample, "/writeurl?isThumbnail=false")).string();
        assertThat(Api.statusOrClosed(() -> Api.putUrl(write, new byte[(1 << 20) + 1])))
                .isIn(413, -1);
        assertThat(alice.get(sampleUrl(ds, sample, "/readurl?type=full")).status()).isEqualTo(404);
        assertThat(Api.putUrl(write, new byte[1 << 20]).status()).isEqualTo(200);
    }

    @Test
    void blobsOfDeletedSamples_answer404() {
        String ds = newDataset();
        String sample = Fixtures.samples(alice, ds, 1).get(0);
        String write = alice.get(sampleUrl(ds, sample, "/writeurl?isThumbnail=false")).string();
        alice.delete("/v1/datasets/" + ds);
        assertThat(Api.putUrl(write, JPEG).status()).isEqualTo(404);
        assertThat(Api.getUrl(alice.base() + "/v1/blobs/../../etc/passwd").status()).isIn(400, 404);
    }

    /** A clock tests can move forward. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
