package org.lightlyjava.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointKeeperTest {

    @TempDir Path dir;

    @Test
    void topOne_keepsOnlyTheLowestLossFile() throws IOException {
        CheckpointKeeper keeper = new CheckpointKeeper(dir, 1, true);
        double[] losses = {4.0, 3.5, 3.7, 3.1};
        for (int epoch = 0; epoch < losses.length; epoch++) {
            if (keeper.wants(losses[epoch])) {
                keeper.keep(touch(epoch), losses[epoch], epoch);
            }
        }
        assertThat(keeper.best()).isEqualTo(dir.resolve("lightly_epoch_3.ckpt"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactly("lightly_epoch_3.ckpt");
        }
    }

    @Test
    void topMinusOne_keepsAll_topZero_keepsNone() throws IOException {
        CheckpointKeeper all = new CheckpointKeeper(dir, -1, false);
        CheckpointKeeper none = new CheckpointKeeper(dir, 0, true);
        for (int epoch = 0; epoch < 3; epoch++) {
            assertThat(all.wants(5 - epoch)).isTrue();
            all.keep(touch(epoch), 5 - epoch, epoch);
            assertThat(none.wants(0.1)).isFalse();
        }
        assertThat(Files.exists(dir.resolve("lightly_epoch_0.ckpt"))).isTrue();
        assertThat(all.best()).isEqualTo(dir.resolve("lightly_epoch_2.ckpt"));
        assertThat(none.best()).isNull();
        assertThat(none.wantsLast()).isTrue();
        assertThat(all.wantsLast()).isFalse();
    }

    private Path touch(int epoch) throws IOException {
        return Files.writeString(dir.resolve(CheckpointKeeper.epochFileName(epoch)), "x");
    }
}
