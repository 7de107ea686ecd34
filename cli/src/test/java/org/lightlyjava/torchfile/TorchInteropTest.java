package org.lightlyjava.torchfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.testing.DebianTorch;

/** What we write, PyTorch's own {@code torch.load} reads (skipped without Debian's PyTorch). */
class TorchInteropTest {

    @TempDir Path dir;

    @Test
    void torchLoad_readsWhatTorchWriterWrote() throws IOException {
        DebianTorch.assumeAvailable();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put(
                "model.backbone.1.weight",
                Tensor.of(new float[] {1.5f, -2f, 3.25f, 0.125f}, 2, 1, 2));
        state.put("model.backbone.0.num_batches_tracked", Tensor.ofLongs(new long[] {42}));
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("epoch", 3);
        top.put("pytorch-lightning_version", "1.7.7");
        top.put("state_dict", TorchWriter.orderedDict(state));
        Path file = dir.resolve("lightly_epoch_3.ckpt");
        TorchWriter.write(file, top);

        DebianTorch.Result result =
                DebianTorch.run(
                        "import sys, torch\n"
                                + "c = torch.load(sys.argv[1], map_location='cpu')\n"
                                + "s = c['state_dict']\n"
                                + "print(type(s).__name__, list(s.keys()))\n"
                                + "w = s['model.backbone.1.weight']\n"
                                + "print(w.dtype, tuple(w.shape), w.flatten().tolist())\n"
                                + "n = s['model.backbone.0.num_batches_tracked']\n"
                                + "print(n.dtype, tuple(n.shape), int(n), c['epoch'])\n",
                        file.toString());
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output())
                .contains(
                        "OrderedDict ['model.backbone.1.weight', 'model.backbone.0.num_batches_tracked']")
                .contains("torch.float32 (2, 1, 2) [1.5, -2.0, 3.25, 0.125]")
                .contains("torch.int64 () 42 3");
    }
}
