package org.lightlyjava.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightlyjava.model.Engines;

/** torch.optim.SGD's arithmetic, worked by hand, and the learning-rate schedules. */
class SgdTest {

    @Test
    void step_momentumAndWeightDecay_followPyTorchsSgd() {
        Engines.pytorch();
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
            p.setArray(manager.create(new float[] {1f, 2f}));
            p.getArray().setRequiresGradient(true);
            Sgd sgd = new Sgd(List.of(p), 0.1f, 0.9f, manager, List.of());
            float[] c = {0.5f, -1f};
            // step 1: d = c + 0.1 w = (0.6, -0.8); buf = d; w -= 0.1 buf -> (0.94, 2.08)
            backward(manager, p, c);
            sgd.step(0.1f);
            assertThat(p.getArray().toFloatArray()[0]).isCloseTo(0.94f, within(1e-6f));
            assertThat(p.getArray().toFloatArray()[1]).isCloseTo(2.08f, within(1e-6f));
            // step 2: d = c + 0.1 w = (0.594, -0.792); buf = 0.9 buf + d = (1.134, -1.512);
            // w -= 0.05 buf -> (0.8833, 2.1556); the old gradient must not add up
            backward(manager, p, c);
            sgd.step(0.05f);
            assertThat(p.getArray().toFloatArray()[0]).isCloseTo(0.8833f, within(1e-6f));
            assertThat(p.getArray().toFloatArray()[1]).isCloseTo(2.1556f, within(1e-6f));
        }
    }

    @Test
    void learningRate_warmupThenCosineToZero() {
        LearningRate rate = new LearningRate(0.4, true, 10, 110);
        assertThat(rate.at(0)).isCloseTo(0.04, within(1e-12));
        assertThat(rate.at(9)).isCloseTo(0.4, within(1e-12));
        assertThat(rate.at(10)).isCloseTo(0.4, within(1e-12));
        assertThat(rate.at(60)).isCloseTo(0.2, within(1e-12));
        assertThat(rate.at(110)).isCloseTo(0.0, within(1e-12));
        assertThat(LearningRate.constant(1.0).at(12345)).isEqualTo(1.0);
    }

    private static void backward(NDManager manager, Parameter p, float[] c) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector();
                NDArray coefficients = manager.create(c)) {
            collector.backward(p.getArray().mul(coefficients).sum());
        }
    }
}
