package org.lightlyjava.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.testing.DebianTorch;
import org.lightlyjava.testing.Parity;

/**
 * A checkpoint lightly-java writes loads in Lightly's PyTorch code: {@code torch.load(f)
 * ["state_dict"]}, Lightly's key filter, a strict {@code load_state_dict} into Lightly's module
 * layout (make_fixtures.py), and gives our embeddings. Skipped without Debian's PyTorch.
 */
class LightlyFormatInteropTest {

    @TempDir Path dir;

    @Test
    void lightlysLoader_readsOurCheckpointAndComputesOurEmbeddings() throws IOException {
        DebianTorch.assumeAvailable();
        ModelSpec spec = new ModelSpec("resnet-18", 0.25, 32, 64);
        Path file = dir.resolve("lightly_epoch_0.ckpt");
        float[] ours;
        Engines.seed(11);
        try (SimClrNetwork net = SimClrNetwork.create(spec, Device.cpu(), 32);
                NDManager batch = net.manager().newSubManager()) {
            ours =
                    net.embed(
                                    batch.create(
                                            CheckpointsTest.linspace(2 * 3 * 32 * 32),
                                            new Shape(2, 3, 32, 32)),
                                    false)
                            .toFloatArray();
            Checkpoints.save(
                    file,
                    net,
                    new CheckpointInfo(
                            Checkpoints.FORMAT,
                            spec,
                            32,
                            0,
                            5,
                            4.0,
                            11,
                            "test",
                            "PyTorch",
                            "now",
                            0),
                    null);
        }
        DebianTorch.Result result =
                DebianTorch.run(
                        String.join(
                                "\n",
                                "import sys, torch",
                                "sys.path.insert(0, sys.argv[2])",
                                "from make_fixtures import SimCLR",
                                "state = torch.load(sys.argv[1], map_location='cpu')['state_dict']",
                                "# lightly/cli/_helpers.py: drop the first key component (model.)",
                                "state = {'.'.join(k.split('.')[1:]): v for k, v in state.items()}",
                                "m = SimCLR([2, 2, 2, 2], 0.25, 32, 64)",
                                "m.load_state_dict(state, strict=True)",
                                "m.eval()",
                                "x = torch.linspace(-2, 2, 2 * 3 * 32 * 32).reshape(2, 3, 32, 32)",
                                "with torch.no_grad():",
                                "    print(' '.join(repr(float(v)) for v in m.backbone(x).flatten()))"),
                        file.toString(),
                        Parity.file("make_fixtures.py").getParent().toString());
        assertThat(result.exit()).as(result.output()).isZero();
        String[] lines = result.output().strip().split("\n");
        List<Float> theirs = new ArrayList<>();
        for (String v : lines[lines.length - 1].split(" ")) {
            theirs.add(Float.parseFloat(v));
        }
        assertThat(theirs).hasSize(ours.length);
        for (int i = 0; i < ours.length; i++) {
            assertThat(theirs.get(i))
                    .as("value " + i)
                    .isCloseTo(ours[i], org.assertj.core.api.Assertions.within(1e-4f));
        }
    }
}
