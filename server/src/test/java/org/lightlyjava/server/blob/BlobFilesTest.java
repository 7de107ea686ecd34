package org.lightlyjava.server.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobFilesTest {

    @TempDir Path dir;

    private long incoming() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("blobs/.incoming"))) {
            return files.count();
        }
    }

    @Test
    void aBodyThatBreaksOffLeavesNothing() throws Exception {
        BlobFiles files = BlobFiles.open(dir);
        InputStream breaking =
                new InputStream() {
                    private int n;

                    @Override
                    public int read() throws IOException {
                        if (n++ >= 1000) {
                            throw new IOException("connection reset");
                        }
                        return 1;
                    }
                };
        assertThatThrownBy(() -> files.receive(breaking, 10_000)).hasMessage("connection reset");
        assertThatThrownBy(() -> files.receive(new ByteArrayInputStream(new byte[11]), 10))
                .isInstanceOf(TooLargeException.class);
        assertThat(incoming()).isZero();
    }

    @Test
    void aReceivedBodyAppearsWholeWhenCommitted() throws Exception {
        BlobFiles files = BlobFiles.open(dir);
        BlobKey key = BlobKey.full("0123456789abcdef01234567", "fedcba9876543210fedcba98");
        Path temp = files.receive(new ByteArrayInputStream(new byte[] {1, 2, 3}), 10);
        assertThat(files.path(key)).doesNotExist();
        files.commit(temp, files.path(key));
        assertThat(Files.readAllBytes(files.path(key))).containsExactly(1, 2, 3);
        assertThat(incoming()).isZero();

        files.deleteDataset(key.datasetId());
        assertThat(dir.resolve("blobs").resolve(key.datasetId())).doesNotExist();
        files.deleteDataset(key.datasetId()); // nothing there: no error
    }

    @Test
    void leftoversOfACrashAreDroppedOnOpen() throws Exception {
        BlobFiles files = BlobFiles.open(dir);
        Path temp = files.newTemp();
        Files.write(temp, new byte[] {9});
        BlobFiles.open(dir);
        assertThat(temp).doesNotExist();
    }

    @Test
    void mediaTypesAreToldByTheirFirstBytes() {
        assertThat(MediaTypes.sniff(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}, 3))
                .isEqualTo("image/jpeg");
        assertThat(MediaTypes.sniff("RIFF0000WEBP".getBytes(), 12)).isEqualTo("image/webp");
        assertThat(MediaTypes.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0}, 8))
                .isEqualTo("image/png");
        assertThat(MediaTypes.sniff("hello".getBytes(), 5)).isEqualTo("application/octet-stream");
    }
}
