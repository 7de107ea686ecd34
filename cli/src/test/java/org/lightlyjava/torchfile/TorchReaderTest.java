package org.lightlyjava.torchfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.testing.Parity;

/** Reads checkpoints that Debian's PyTorch wrote (resources/parity/make_fixtures.py). */
class TorchReaderTest {

    @TempDir Path dir;

    @Test
    void read_lightningCheckpoint_givesItsStateDictAndBookkeeping() throws IOException {
        Path file = Parity.file("lightly_epoch_7.ckpt");
        assertThat(TorchReader.kind(file)).isEqualTo(TorchReader.Kind.ZIP);
        Map<?, ?> checkpoint = (Map<?, ?>) TorchReader.read(file);
        assertThat(checkpoint.get("epoch")).isEqualTo(7);
        assertThat(checkpoint.get("global_step")).isEqualTo(2048);
        assertThat(checkpoint.get("pytorch-lightning_version")).isEqualTo("1.7.7");
        Map<?, ?> state = (Map<?, ?>) checkpoint.get("state_dict");
        assertThat(state.keySet().iterator().next()).isEqualTo("model.backbone.0.weight");
        Tensor conv = (Tensor) state.get("model.backbone.1.weight");
        assertThat(conv.shape()).containsExactly(8, 3, 3, 3);
        assertThat(conv.dtype()).isEqualTo(DType.FLOAT32);
        Tensor tracked = (Tensor) state.get("model.backbone.0.num_batches_tracked");
        assertThat(tracked.dtype()).isEqualTo(DType.INT64);
        assertThat(tracked.shape()).isEmpty();
        assertThat(tracked.longs()).containsExactly(1234);
        assertThat(((Tensor) state.get("model.projection_head.layers.2.weight")).shape())
                .containsExactly(128, 16);
        Map<?, ?> callbacks = (Map<?, ?>) checkpoint.get("callbacks");
        Map<?, ?> modelCheckpoint = (Map<?, ?>) callbacks.values().iterator().next();
        assertThat(((Tensor) modelCheckpoint.get("best_model_score")).floats()[0])
                .isEqualTo(4.1205f);
        assertThat(checkpoint.get("optimizer_states")).isInstanceOf(List.class);
    }

    @Test
    void read_legacyZooFile_holdsTheSameTensorsUnderTheOldNames() throws IOException {
        Path zoo = Parity.file(Parity.ZOO_FILE);
        assertThat(TorchReader.kind(zoo)).isEqualTo(TorchReader.Kind.LEGACY);
        Map<?, ?> legacy = (Map<?, ?>) ((Map<?, ?>) TorchReader.read(zoo)).get("state_dict");
        Map<?, ?> modern =
                (Map<?, ?>)
                        ((Map<?, ?>) TorchReader.read(Parity.file("lightly_epoch_7.ckpt")))
                                .get("state_dict");
        assertThat(legacy).hasSameSizeAs(modern);
        Tensor a = (Tensor) legacy.get("model.features.3.0.conv1.weight");
        Tensor b = (Tensor) modern.get("model.backbone.3.0.conv1.weight");
        assertThat(a.shape()).isEqualTo(b.shape());
        assertThat(a.floats()).isEqualTo(b.floats());
        assertThat(((Tensor) legacy.get("model.projection_head.0.bias")).floats())
                .isEqualTo(((Tensor) modern.get("model.projection_head.layers.0.bias")).floats());
    }

    @Test
    void read_lightning13Checkpoint_acceptsACallbackClassAsAKeyWithoutCallingIt()
            throws IOException {
        Map<?, ?> checkpoint = (Map<?, ?>) TorchReader.read(Parity.file("lightning13.ckpt"));
        Object key = ((Map<?, ?>) checkpoint.get("callbacks")).keySet().iterator().next();
        assertThat(key)
                .isEqualTo(
                        new StrictUnpickler.ClassName(
                                "pytorch_lightning.callbacks.model_checkpoint.ModelCheckpoint"));
    }

    @Test
    void read_pickleThatWouldRunCode_isRefusedNamingTheFunction() {
        assertThatThrownBy(() -> TorchReader.read(Parity.file("evil.pth")))
                .isInstanceOf(UnsafePickleException.class)
                .hasMessageContaining("posix.system")
                .extracting(e -> ((UnsafePickleException) e).className())
                .isEqualTo("posix.system");
    }

    @Test
    void read_truncatedFiles_failInsteadOfGivingPartialWeights() throws IOException {
        for (String name : List.of("lightly_epoch_7.ckpt", Parity.ZOO_FILE)) {
            byte[] whole = Files.readAllBytes(Parity.file(name));
            Path cut = dir.resolve("cut-" + name);
            Files.write(cut, Arrays.copyOf(whole, whole.length * 2 / 3));
            assertThatThrownBy(() -> TorchReader.read(cut))
                    .as(name)
                    .isInstanceOf(TorchFileException.class);
        }
    }

    @Test
    void read_flippedByteInAStorage_isCaughtByTheChecksum() throws IOException {
        byte[] bytes = Files.readAllBytes(Parity.file("lightly_epoch_7.ckpt"));
        bytes[bytes.length / 2] ^= 0x55; // inside a storage entry: the conv weights are most
        Path damaged = dir.resolve("damaged.ckpt");
        Files.write(damaged, bytes);
        assertThatThrownBy(() -> TorchReader.read(damaged))
                .isInstanceOf(TorchFileException.class)
                .hasMessageContaining("damaged");
    }

    @Test
    void kind_tellsTorchScriptAndOtherFilesApart() throws IOException {
        assertThat(TorchReader.kind(Parity.modelFile("tiny_backbone.pt")))
                .isEqualTo(TorchReader.Kind.TORCHSCRIPT);
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello");
        assertThat(TorchReader.kind(text)).isEqualTo(TorchReader.Kind.OTHER);
        assertThatThrownBy(() -> TorchReader.read(text)).hasMessageContaining("not a PyTorch file");
    }
}
