package org.lightlyjava.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {

    @TempDir Path dir;

    @Test
    void saveThenLoad_givesTheSameEmbeddingsAndInfo() throws IOException {
        ModelSpec spec = new ModelSpec("resnet-9", 0.125, 8, 16);
        Path file = dir.resolve("last.ckpt");
        float[] before;
        try (SimClrNetwork net = SimClrNetwork.create(spec, Device.cpu(), 16)) {
            before = embedOnes(net);
            Checkpoints.save(file, net, info(spec, 3), null);
        }
        assertThat(Files.list(dir)).containsExactly(file);
        assertThat(Checkpoints.isCheckpoint(file)).isTrue();
        Checkpoints.Loaded loaded = Checkpoints.load(file, Device.cpu());
        try (SimClrNetwork net = loaded.network()) {
            assertThat(embedOnes(net)).containsExactly(before);
            assertThat(loaded.info()).isEqualTo(info(spec, 3));
            assertThat(loaded.memoryBank()).isNull();
            assertThat(net.trainableParameters())
                    .allSatisfy(p -> assertThat(p.getArray().hasGradient()).isTrue());
        }
    }

    @Test
    void save_keepsTheMemoryBank() throws IOException {
        ModelSpec spec = new ModelSpec("resnet-9", 0.125, 8, 16);
        Path file = dir.resolve("bank.ckpt");
        try (SimClrNetwork net = SimClrNetwork.create(spec, Device.cpu(), 16)) {
            NDArray bank = net.manager().arange(12f).reshape(3, 4);
            Checkpoints.save(file, net, info(spec, 0), bank);
        }
        Checkpoints.Loaded loaded = Checkpoints.load(file, Device.cpu());
        try (SimClrNetwork net = loaded.network()) {
            assertThat(loaded.memoryBank().toFloatArray())
                    .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        }
    }

    @Test
    void load_refusesFilesThatAreNotCheckpoints() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.ckpt"), "hello");
        assertThat(Checkpoints.isCheckpoint(text)).isFalse();
        assertThatThrownBy(() -> Checkpoints.load(text, Device.cpu()))
                .isInstanceOf(IOException.class);
    }

    private static CheckpointInfo info(ModelSpec spec, int epoch) {
        return new CheckpointInfo(
                Checkpoints.FORMAT,
                spec,
                16,
                epoch,
                10,
                4.5,
                1,
                "test",
                "PyTorch",
                "2026-11-24T00:00:00Z",
                0);
    }

    private static float[] embedOnes(SimClrNetwork net) {
        try (NDManager batch = net.manager().newSubManager()) {
            return net.embed(batch.ones(new Shape(2, 3, 16, 16)), false).toFloatArray();
        }
    }
}
