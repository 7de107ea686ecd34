package org.lightlyjava.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lightlyjava.model.Engines;

class NtXentLossTest {

    // Inputs and expected values from PyTorch 1.13 with Lightly's NTXentLoss formula:
    // normalize(cat(out0, out1)), logits z z^T / t without the diagonal, cross-entropy.
    private static final float[] OUT0 = {
        1.5409961f, -0.2934289f, -2.1787894f, 0.5684313f, -1.0845224f, -1.3985955f,
        0.4033468f, 0.8380263f, -0.7192576f, -0.4033435f, -0.5966353f, 0.1820365f
    };
    private static final float[] OUT1 = {
        -0.8566746f, 1.1006042f, -1.0711874f, 0.1227012f, -0.5663175f, 0.3731146f,
        -0.8919953f, -1.5091077f, 0.3703935f, 1.4565026f, 0.9398099f, 0.7748488f
    };
    private static final float[] BANK = {
        0.08199242f, 0.9089381f, -0.6118471f, -0.8277268f, -0.03433647f,
        -0.30703127f, 0.37301052f, -0.62231934f, 0.20088348f, 0.89259213f,
        -0.9481609f, 0.18626514f, -0.48822317f, -0.52394098f, 0.44955558f
    };

    private NDManager manager;

    @BeforeEach
    void start() {
        Engines.pytorch();
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void stop() {
        manager.close();
    }

    @Test
    void loss_orthogonalPairs_matchesHandComputedValue() {
        // Views a=(1,0), b=(0,1) twice; every row sees logits {0, 2 (positive), 0}/... so
        // loss = log(2 + e^2) - 2 = 0.2395392.
        NDArray out = manager.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
        try (NtXentLoss loss = new NtXentLoss(0.5f, null)) {
            assertThat(loss.compute(out, out).getFloat()).isCloseTo(0.2395392f, within(1e-5f));
        }
    }

    @Test
    void collapsedValue_isTheLossWhenEveryProjectionIsTheSame() {
        // 64 images with one projection (a collapsed network): ln(127) in batch, ln(K + 1) with
        // a bank that has collapsed too
        float[] same = new float[64 * 3];
        for (int i = 0; i < same.length; i++) {
            same[i] = i % 3 + 1;
        }
        NDArray out = manager.create(same, new Shape(64, 3));
        NDArray collapsedBank = NtXentLoss.normalize(out.get("0:5"), 1).transpose();
        try (NtXentLoss inBatch = new NtXentLoss(0.2f, null);
                NtXentLoss withBank = new NtXentLoss(0.2f, collapsedBank)) {
            assertThat(inBatch.collapsedValue(64)).isCloseTo(Math.log(127), within(1e-12));
            assertThat(inBatch.compute(out, out).getFloat())
                    .isCloseTo((float) inBatch.collapsedValue(64), within(1e-5f));
            assertThat(withBank.compute(out, out).getFloat())
                    .isCloseTo((float) withBank.collapsedValue(64), within(1e-5f));
            assertThat(withBank.collapsedValue(64)).isCloseTo(Math.log(6), within(1e-12));
        }
    }

    @Test
    void loss_randomBatch_matchesPyTorch() {
        NDArray out0 = manager.create(OUT0, new Shape(4, 3));
        NDArray out1 = manager.create(OUT1, new Shape(4, 3));
        try (NtXentLoss warm = new NtXentLoss(0.5f, null);
                NtXentLoss cold = new NtXentLoss(0.1f, null)) {
            assertThat(warm.compute(out0, out1).getFloat()).isCloseTo(3.0346484f, within(1e-5f));
            assertThat(cold.compute(out0, out1).getFloat()).isCloseTo(11.12652f, within(1e-4f));
        }
    }

    @Test
    void loss_withMemoryBank_matchesPyTorchAndEnqueuesView1() {
        NDArray out0 = manager.create(OUT0, new Shape(4, 3));
        NDArray out1 = manager.create(OUT1, new Shape(4, 3));
        NDArray bank = manager.create(BANK, new Shape(3, 5));
        try (NtXentLoss loss = new NtXentLoss(0.5f, bank)) {
            assertThat(loss.compute(out0, out1).getFloat()).isCloseTo(2.9469423f, within(1e-5f));
            // The 4 normalised projections of view 1 now fill columns 0..3; column 4 is untouched.
            NDArray expected = NtXentLoss.normalize(out1, 1).transpose();
            assertThat(loss.bank().get(":, 0:4").toFloatArray())
                    .containsExactly(expected.toFloatArray(), within(1e-6f));
            assertThat(loss.bank().get(":, 4").toFloatArray())
                    .containsExactly(
                            new float[] {-0.03433647f, 0.89259213f, 0.44955558f}, within(0f));
            assertThat(loss.bankPointer()).isEqualTo(4);
            loss.compute(out0, out1);
            // Lightly truncates at the end of the bank and starts over at 0.
            assertThat(loss.bankPointer()).isZero();
        }
    }

    @Test
    void newBank_hasUnitColumns() {
        try (NDArray bank = NtXentLoss.newBank(manager, 8, 20)) {
            assertThat(bank.getShape()).isEqualTo(new Shape(8, 20));
            float[] ones = new float[20];
            Arrays.fill(ones, 1f);
            assertThat(bank.norm(new int[] {0}).toFloatArray())
                    .containsExactly(ones, within(1e-5f));
        }
    }
}
