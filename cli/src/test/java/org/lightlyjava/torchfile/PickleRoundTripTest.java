package org.lightlyjava.torchfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PickleRoundTripTest {

    @TempDir Path dir;

    @Test
    void write_thenRead_givesTheSameValues() throws IOException {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("model.backbone.1.weight", Tensor.of(new float[] {1.5f, -2f, 3.25f, 0f}, 2, 2));
        state.put("model.backbone.0.num_batches_tracked", Tensor.ofLongs(new long[] {7}));
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("epoch", 3);
        top.put("global_step", 5_000_000_000L);
        top.put("loss", 4.25);
        top.put("done", true);
        top.put("nothing", null);
        top.put("names", List.of("a", "ü"));
        top.put("state_dict", TorchWriter.orderedDict(state));
        Path file = dir.resolve("round.ckpt");
        TorchWriter.write(file, top);

        assertThat(TorchReader.kind(file)).isEqualTo(TorchReader.Kind.ZIP);
        Map<?, ?> read = (Map<?, ?>) TorchReader.read(file);
        assertThat(read.get("epoch")).isEqualTo(3);
        assertThat(read.get("global_step")).isEqualTo(5_000_000_000L);
        assertThat(read.get("loss")).isEqualTo(4.25);
        assertThat(read.get("done")).isEqualTo(true);
        assertThat(read.containsKey("nothing")).isTrue();
        assertThat(read.get("names")).isEqualTo(List.of("a", "ü"));
        Map<?, ?> readState = (Map<?, ?>) read.get("state_dict");
        assertThat(List.copyOf(readState.keySet())).isEqualTo(List.copyOf(state.keySet()));
        Tensor w = (Tensor) readState.get("model.backbone.1.weight");
        assertThat(w.shape()).containsExactly(2, 2);
        assertThat(w.floats()).containsExactly(1.5f, -2f, 3.25f, 0f);
        assertThat(((Tensor) readState.get("model.backbone.0.num_batches_tracked")).longs())
                .containsExactly(7);
    }

    @Test
    void write_alignsEveryStorageAt64BytesAsPyTorchDoes() throws IOException {
        Map<String, Object> state = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            state.put("w" + i, Tensor.of(new float[i + 1], i + 1));
        }
        Path file = dir.resolve("aligned.ckpt");
        TorchWriter.write(file, TorchWriter.orderedDict(state));
        byte[] bytes = Files.readAllBytes(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                if (e.getName().contains("/data/")) {
                    long offset = dataOffset(bytes, e.getName());
                    assertThat(offset % 64).as(e.getName()).isZero();
                }
            }
        }
    }

    /** Finds the local header of {@code name} and returns where its data starts. */
    private static long dataOffset(byte[] zip, String name) {
        byte[] wanted = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i + 30 < zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4) {
                int nameLength = (zip[i + 26] & 0xff) | (zip[i + 27] & 0xff) << 8;
                int extraLength = (zip[i + 28] & 0xff) | (zip[i + 29] & 0xff) << 8;
                if (java.util.Arrays.equals(
                        zip, i + 30, i + 30 + nameLength, wanted, 0, wanted.length)) {
                    return i + 30L + nameLength + extraLength;
                }
            }
        }
        throw new AssertionError("no local header for " + name);
    }
}
