package org.lightlyjava.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.testing.Parity;
import org.lightlyjava.torchfile.UnsafePickleException;

class CheckpointsTest {

    /** The fixtures' network: Lightly's zoo entry resnet-9/simclr/d16/w0.125. */
    static final ModelSpec FIXTURE = new ModelSpec("resnet-9", 0.125, 16, 128);

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
        assertThat(Checkpoints.info(file)).isEqualTo(info(spec, 3));
        // the file's own architecture wins over the model.* settings
        Checkpoints.Loaded loaded = Checkpoints.load(file, Device.cpu(), FIXTURE, 64);
        try (SimClrNetwork net = loaded.network()) {
            assertThat(net.spec()).isEqualTo(spec);
            assertThat(embedOnes(net)).containsExactly(before);
            assertThat(loaded.info()).isEqualTo(info(spec, 3));
            assertThat(loaded.memoryBank()).isNull();
            assertThat(net.trainableParameters())
                    .allSatisfy(p -> assertThat(p.getArray().hasGradient()).isTrue());
        }
    }

    @Test
    void save_headWithBatchNorm_namesItAsPyTorchWouldAndLoadsBack() throws IOException {
        ModelSpec spec = new ModelSpec("resnet-9", 0.125, 8, 16, true);
        Path file = dir.resolve("bn.ckpt");
        try (SimClrNetwork net = SimClrNetwork.create(spec, Device.cpu(), 16)) {
            Checkpoints.save(file, net, info(spec, 1), null);
        }
        java.util.Map<?, ?> state =
                (java.util.Map<?, ?>)
                        ((java.util.Map<?, ?>) org.lightlyjava.torchfile.TorchReader.read(file))
                                .get("state_dict");
        assertThat(state.keySet().stream().map(String::valueOf).toList())
                .contains(
                        "model.projection_head.layers.1.running_mean",
                        "model.projection_head.layers.3.weight")
                .doesNotContain("model.projection_head.layers.2.weight");
        Checkpoints.Loaded loaded = Checkpoints.load(file, Device.cpu(), FIXTURE, 64);
        try (SimClrNetwork net = loaded.network()) {
            assertThat(net.spec()).isEqualTo(spec);
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
        Checkpoints.Loaded loaded = Checkpoints.load(file, Device.cpu(), spec, 16);
        try (SimClrNetwork net = loaded.network()) {
            assertThat(loaded.memoryBank().getShape()).isEqualTo(new Shape(3, 4));
            assertThat(loaded.memoryBank().toFloatArray())
                    .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        }
    }

    @Test
    void load_lightlysZooFileAndLightningCheckpoint_computeWhatPyTorchComputes()
            throws IOException {
        JsonNode expected = fixedOutputs();
        for (String name :
                new String[] {Parity.ZOO_FILE, "lightly_epoch_7.ckpt", "lightning13.ckpt"}) {
            Checkpoints.Loaded loaded =
                    Checkpoints.load(Parity.file(name), Device.cpu(), FIXTURE, 64);
            try (SimClrNetwork net = loaded.network();
                    NDManager batch = net.manager().newSubManager()) {
                assertThat(loaded.info()).as(name).isNull();
                NDArray x = batch.create(linspace(2 * 3 * 64 * 64), new Shape(2, 3, 64, 64));
                NDArray embedding = net.embed(x, false);
                assertClose(embedding.toFloatArray(), expected.get("lightly_backbone"), name);
                assertClose(
                        net.project(embedding, false).toFloatArray(),
                        expected.get("lightly_projection"),
                        name + " head");
            }
        }
    }

    @Test
    void load_shapesThatDoNotFit_nameTheTensorBothShapesAndTheFittingSettings() {
        ModelSpec defaults = new ModelSpec("resnet-18", 1, 32, 128);
        assertThatThrownBy(
                        () ->
                                Checkpoints.load(
                                        Parity.file(Parity.ZOO_FILE), Device.cpu(), defaults, 64))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(
                        "backbone.1.weight has shape [8, 3, 3, 3] in the file but [64, 3, 3, 3] in"
                                + " model.name=resnet-18")
                .hasMessageContaining(
                        "the file looks like model.name=resnet-9 model.width=0.125 model.num_ftrs=16");
    }

    @Test
    void load_unsafePickle_isRefused() {
        assertThatThrownBy(
                        () -> Checkpoints.load(Parity.file("evil.pth"), Device.cpu(), FIXTURE, 64))
                .isInstanceOf(UnsafePickleException.class)
                .hasMessageContaining("posix.system");
    }

    @Test
    void load_checkpointOfLightlyJava01_stillWorks() throws IOException {
        Path file = Parity.modelFile("lightly-java-0.1.ckpt");
        JsonNode expected =
                new ObjectMapper()
                        .readTree(Parity.modelFile("lightly-java-0.1_expected.json").toFile())
                        .get("output");
        assertThat(Checkpoints.info(file).epoch()).isEqualTo(4);
        Checkpoints.Loaded loaded = Checkpoints.load(file, Device.cpu(), FIXTURE, 64);
        try (SimClrNetwork net = loaded.network();
                NDManager batch = net.manager().newSubManager()) {
            assertThat(net.spec()).isEqualTo(new ModelSpec("resnet-9", 0.0625, 16, 32));
            float[] x = new float[2 * 3 * 32 * 32];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (-1 + 2.0 * i / (x.length - 1));
            }
            float[] y = net.embed(batch.create(x, new Shape(2, 3, 32, 32)), false).toFloatArray();
            assertClose(y, expected, "format 1");
        }
    }

    @Test
    void load_refusesFilesThatAreNotCheckpoints() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.ckpt"), "hello");
        assertThat(Checkpoints.isCheckpoint(text)).isFalse();
        assertThatThrownBy(() -> Checkpoints.load(text, Device.cpu(), FIXTURE, 64))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a PyTorch file");
    }

    static JsonNode fixedOutputs() throws IOException {
        return new ObjectMapper().readTree(Parity.file("expected_fixed_inputs.json").toFile());
    }

    /** {@code linspace(-2, 2, n)} in float32, as torch computes it. */
    static float[] linspace(int n) {
        float[] x = new float[n];
        float step = 4f / (n - 1);
        for (int i = 0; i < n; i++) {
            // torch.linspace fills the first half from the start and the second from the end
            x[i] = i < n / 2 ? -2f + step * i : 2f - step * (n - 1 - i);
        }
        return x;
    }

    static void assertClose(float[] actual, JsonNode expected, String what) {
        int k = 0;
        for (JsonNode row : expected) {
            for (JsonNode v : row) {
                assertThat(actual[k++])
                        .as(what + " value " + (k - 1))
                        .isCloseTo((float) v.asDouble(), within(1e-4f));
            }
        }
        assertThat(k).as(what + " size").isEqualTo(actual.length);
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
