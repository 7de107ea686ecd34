package org.lightlyjava.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.server.testing.Api;

/** The Java API the CLI embeds. */
class LightlyServerTest {

    @TempDir Path dir;

    private ServerSettings settings() {
        return ServerSettings.builder().dataDir(dir.resolve("data")).port(0).build();
    }

    @Test
    void issuedTokensWorkUntilClose() throws Exception {
        String url;
        String token;
        try (LightlyServer server = LightlyServer.start(settings())) {
            url = server.url();
            assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(server.port()).isPositive();
            assertThat(server.databaseVendor()).isEqualTo("sqlite");
            token = server.issueToken("local");
            assertThat(new Api(url, token).get("/v1/datasets").status()).isEqualTo(200);
        }
        try (LightlyServer again = LightlyServer.start(settings())) {
            assertThat(new Api(again.url(), token).get("/v1/datasets").status()).isEqualTo(401);
        }
    }

    @Test
    void theDataFolderKeepsItsKeyPrivate() throws Exception {
        try (LightlyServer server = LightlyServer.start(settings())) {
            Path key = dir.resolve("data/server.key");
            assertThat(Files.size(key)).isEqualTo(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void theEmbeddedStart_makesAPrivateDataFolderAndDatabase() throws Exception {
        try (LightlyServer server = LightlyServer.start(settings())) {
            server.issueToken("local"); // a write: SQLite's WAL file exists now
            assertThat(mode(dir.resolve("data"))).isEqualTo("rwx------");
            assertThat(mode(dir.resolve("data/lightly-server.db"))).isEqualTo("rw-------");
            Path wal = dir.resolve("data/lightly-server.db-wal");
            assertThat(wal).exists();
            assertThat(mode(wal)).isEqualTo("rw-------");
        }
    }

    private static String mode(Path path) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aTakenPortIsAStartError() throws Exception {
        try (LightlyServer first = LightlyServer.start(settings())) {
            ServerSettings same =
                    settings().toBuilder().port(first.port()).dataDir(dir.resolve("other")).build();
            assertThatThrownBy(() -> LightlyServer.start(same))
                    .isInstanceOf(ServerStartException.class)
                    .hasMessageContaining(Integer.toString(first.port()));
        }
    }

    @Test
    void publicUrlIsWhatUrlsPointAt() throws Exception {
        ServerSettings behindProxy =
                settings().toBuilder().publicUrl("https://lightly.example.org/").build();
        try (LightlyServer server = LightlyServer.start(behindProxy)) {
            assertThat(server.url()).isEqualTo("https://lightly.example.org");
            Api api = new Api("http://127.0.0.1:" + server.port(), server.issueToken("me"));
            String ds =
                    api.post(
                                    "/v1/datasets",
                                    org.lightlyjava.server.testing.Fixtures.body("name", "proxied"))
                            .json()
                            .get("id")
                            .asText();
            String sample = org.lightlyjava.server.testing.Fixtures.samples(api, ds, 1).get(0);
            assertThat(
                            api.get(
                                            "/v1/datasets/"
                                                    + ds
                                                    + "/samples/"
                                                    + sample
                                                    + "/writeurl?isThumbnail=true")
                                    .string())
                    .startsWith("https://lightly.example.org/v1/blobs/" + ds + "/thumbnail/");
        }
    }

    @Test
    void closeLetsARequestInFlightFinish() throws Exception {
        LightlyServer server = LightlyServer.start(settings().toBuilder().build());
        Api api = new Api(server.url(), server.issueToken("slow"));
        String ds =
                api.post(
                                "/v1/datasets",
                                org.lightlyjava.server.testing.Fixtures.body("name", "slow one"))
                        .json()
                        .get("id")
                        .asText();
        String sample = org.lightlyjava.server.testing.Fixtures.samples(api, ds, 1).get(0);
        String write =
                api.get("/v1/datasets/" + ds + "/samples/" + sample + "/writeurl?isThumbnail=false")
                        .string();
        var client = java.net.http.HttpClient.newHttpClient();
        var body =
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new SlowStream(400_000, 150));
        var put =
                client.sendAsync(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(write))
                                .PUT(body)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        Thread.sleep(100);
        server.close();
        assertThat(put.get().statusCode()).isEqualTo(200);
    }

    /** A body that takes a while to arrive. */
    private static final class SlowStream extends java.io.InputStream {
        private final int length;
        private final long millis;
        private int sent;

        SlowStream(int length, long millis) {
            this.length = length;
            this.millis = millis;
        }

        @Override
        public int read() {
            if (sent == length / 2) {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return sent++ < length ? 7 : -1;
        }
    }
}
