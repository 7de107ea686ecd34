package org.lightlyjava.weights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.run.Progress;
import org.lightlyjava.testing.FileServer;
import org.lightlyjava.testing.FileServer.Fault;
import org.lightlyjava.testing.Parity;

/** Downloads from a zoo on loopback that misbehaves in every way a network does. */
class WeightStoreTest {

    static final String KEY = "resnet-9/simclr/d16/w0.125";

    @TempDir Path dir;
    FileServer zoo;
    byte[] weights;

    @BeforeEach
    void serveTheZoo() throws IOException {
        weights = Files.readAllBytes(Parity.file(Parity.ZOO_FILE));
        zoo = new FileServer().put("/mirror/" + Parity.ZOO_FILE, weights);
    }

    @AfterEach
    void stop() {
        zoo.close();
    }

    @Test
    void pretrained_downloadsOnceIntoTheCacheAndThenUsesIt() throws IOException {
        WeightStore store = store(false);
        WeightStore.Result first = store.pretrained(KEY);
        assertThat(first.problem()).isNull();
        assertThat(first.file()).isEqualTo(dir.resolve("cache/" + Parity.ZOO_FILE));
        assertThat(Files.readAllBytes(first.file())).isEqualTo(weights);
        assertThat(Files.list(dir.resolve("cache")).map(p -> p.getFileName().toString()))
                .noneMatch(n -> n.endsWith(".part"));
        assertThat(store.pretrained(KEY).file()).isEqualTo(first.file());
        assertThat(zoo.requests()).isEqualTo(1);
    }

    @Test
    void pretrained_usesWhatLightlyLeftInPyTorchsHubCache() throws IOException {
        Path hub = Files.createDirectories(dir.resolve("torch/hub/checkpoints"));
        Files.write(hub.resolve(Parity.ZOO_FILE), weights);
        WeightStore.Result result = store(true).pretrained(KEY);
        assertThat(result.file()).isEqualTo(hub.resolve(Parity.ZOO_FILE));
        assertThat(zoo.requests()).isZero();
    }

    @Test
    void pretrained_offlineWithEmptyCaches_saysSoWithoutAnyRequest() {
        WeightStore.Result result = store(true).pretrained(KEY);
        assertThat(result.file()).isNull();
        assertThat(result.problem())
                .contains("offline (LIGHTLY_OFFLINE)")
                .contains(Parity.ZOO_FILE)
                .contains(dir.resolve("cache").toString());
        assertThat(zoo.requests()).isZero();
    }

    @Test
    void pretrained_keyNotInTheZoo_givesLightlysMessage() {
        WeightStore.Result result = store(false).pretrained("resnet-50/simclr/d32/w1.0");
        assertThat(result.problem())
                .isEqualTo(
                        "Cannot download checkpoint for key resnet-50/simclr/d32/w1.0 because it"
                                + " does not exist!");
    }

    @Test
    void download_retriesServerErrors() throws IOException {
        zoo.fail(Fault.ERROR, Fault.ERROR);
        WeightStore.Result result = store(false).pretrained(KEY);
        assertThat(Files.readAllBytes(result.file())).isEqualTo(weights);
        assertThat(zoo.requests()).isEqualTo(3);
    }

    @Test
    void download_cutMidway_resumesWhereItStopped() throws IOException {
        zoo.fail(Fault.CUT);
        WeightStore.Result result = store(false).pretrained(KEY);
        assertThat(Files.readAllBytes(result.file())).isEqualTo(weights);
        assertThat(zoo.log()).hasSize(2);
        // the client keeps what reached it before the cut (at most the half the server sent; a
        // reset connection may drop the last buffered packets) and asks only for the rest
        Matcher range = Pattern.compile(".* bytes=(\\d+)-").matcher(zoo.log().get(1));
        assertThat(range.matches()).as(zoo.log().get(1)).isTrue();
        assertThat(Integer.parseInt(range.group(1))).isBetween(1, weights.length / 2);
    }

    @Test
    void download_stalled_isAbandonedAndResumed() throws IOException {
        zoo.fail(Fault.STALL);
        WeightStore.Result result = store(false).pretrained(KEY);
        assertThat(Files.readAllBytes(result.file())).isEqualTo(weights);
        assertThat(zoo.log().get(1)).contains("bytes=");
    }

    @Test
    void download_damaged_isCaughtByTheStatedChecksumsAndFetchedAgain_neverUsed()
            throws IOException {
        // the zoo's files are in PyTorch's old format, which has no checksums of its own: the
        // x-goog-hash headers of Google Cloud Storage (the zoo's host) catch the damage
        zoo.statingChecksums().fail(Fault.DAMAGE);
        WeightStore.Result result = store(false).pretrained(KEY);
        assertThat(Files.readAllBytes(result.file())).isEqualTo(weights);
        assertThat(zoo.requests()).isEqualTo(2);
    }

    @Test
    void download_damagedZipCheckpoint_isCaughtByItsOwnChecksums() throws IOException {
        byte[] checkpoint = Files.readAllBytes(Parity.file("lightly_epoch_7.ckpt"));
        zoo.put("/team/lightly_epoch_7.ckpt", checkpoint).fail(Fault.DAMAGE);
        WeightStore.Result result =
                store(false).url(zoo.url("/team/lightly_epoch_7.ckpt").toString());
        assertThat(Files.readAllBytes(result.file())).isEqualTo(checkpoint);
        assertThat(zoo.requests()).isEqualTo(2);
    }

    @Test
    void download_damagedEveryTime_failsAndLeavesNothingInTheCache() throws IOException {
        zoo.statingChecksums().fail(Fault.DAMAGE, Fault.DAMAGE);
        WeightStore.Result result = store(false).pretrained(KEY);
        assertThat(result.file()).isNull();
        assertThat(result.problem())
                .contains("Not able to load state dict from")
                .contains("damaged twice");
        assertThat(Files.list(dir.resolve("cache")).map(p -> p.getFileName().toString()))
                .noneMatch(n -> n.endsWith(".pth") || n.endsWith(".part"));
    }

    @Test
    void download_notFound_failsAtOnce() {
        WeightStore store =
                new WeightStore(
                        settings(false, "/elsewhere/"),
                        java.net.http.HttpClient.newHttpClient(),
                        Progress.Factory.SILENT);
        WeightStore.Result result = store.pretrained(KEY);
        assertThat(result.problem()).contains("HTTP 404");
        assertThat(zoo.requests()).isEqualTo(1);
    }

    @Test
    void cachedFileDamaged_isReplacedByAFreshDownload() throws IOException {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Files.write(cache.resolve(Parity.ZOO_FILE), java.util.Arrays.copyOf(weights, 1000));
        WeightStore.Result result = store(false).pretrained(KEY);
        assertThat(Files.readAllBytes(result.file())).isEqualTo(weights);
        assertThat(zoo.requests()).isEqualTo(1);
    }

    @Test
    void url_downloadsAnyCheckpointUrl() throws IOException {
        zoo.put("/team/backbone.ckpt", Files.readAllBytes(Parity.file("lightly_epoch_7.ckpt")));
        WeightStore.Result result = store(false).url(zoo.url("/team/backbone.ckpt").toString());
        assertThat(result.file()).isEqualTo(dir.resolve("cache/backbone.ckpt"));
        assertThat(store(false).url(zoo.url("/team/").toString()).problem())
                .contains("does not end in a file name");
    }

    @Test
    void url_nobodyListening_saysItCannotConnectInsteadOfNull() throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        WeightStore.Result result =
                store(false).url("http://127.0.0.1:" + port + "/team/lightly_epoch_7.ckpt");
        assertThat(result.file()).isNull();
        assertThat(result.problem()).contains("cannot connect").doesNotContain("null");
    }

    private WeightStore store(boolean offline) {
        return new WeightStore(
                settings(offline, "/mirror"),
                java.net.http.HttpClient.newHttpClient(),
                Progress.Factory.SILENT);
    }

    private WeightSettings settings(boolean offline, String base) {
        return new WeightSettings(
                zoo.url(base),
                dir.resolve("cache"),
                dir.resolve("torch/hub/checkpoints"),
                offline,
                4,
                Duration.ofSeconds(1),
                Duration.ofMillis(10));
    }
}
