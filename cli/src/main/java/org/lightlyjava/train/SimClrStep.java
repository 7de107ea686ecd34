package org.lightlyjava.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.nio.FloatBuffer;
import java.util.List;
import org.lightlyjava.model.SimClrNetwork;

/**
 * One SimCLR optimisation step: each view through backbone and head separately (as Lightly does),
 * NT-Xent loss, backward, then plain SGD with weight decay on every parameter.
 */
final class SimClrStep {

    private final SimClrNetwork network;
    private final NtXentLoss loss;
    private final Optimizer sgd;
    private final List<Parameter> parameters;
    private final int inputSize;

    SimClrStep(
            SimClrNetwork network,
            NtXentLoss loss,
            float learningRate,
            float weightDecay,
            int inputSize) {
        this.network = network;
        this.loss = loss;
        this.sgd =
                Optimizer.sgd()
                        .setLearningRateTracker(Tracker.fixed(learningRate))
                        .optWeightDecays(weightDecay)
                        .optMomentum(0f)
                        .build();
        this.parameters = network.trainableParameters();
        this.inputSize = inputSize;
    }

    /**
     * Trains on {@code count} images whose two views lie one after another in {@code view0} and
     * {@code view1}.
     *
     * @return the loss before the update
     */
    float run(float[] view0, float[] view1, int count) {
        Shape shape = new Shape(count, 3, inputSize, inputSize);
        int length = count * 3 * inputSize * inputSize;
        try (NDManager batch = network.manager().newSubManager()) {
            NDArray x0 = batch.create(FloatBuffer.wrap(view0, 0, length), shape);
            NDArray x1 = batch.create(FloatBuffer.wrap(view1, 0, length), shape);
            float value;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray z0 = network.project(network.embed(x0, true), true);
                NDArray z1 = network.project(network.embed(x1, true), true);
                NDArray total = loss.compute(z0, z1);
                collector.backward(total);
                value = total.getFloat();
            }
            for (Parameter parameter : parameters) {
                NDArray weight = parameter.getArray();
                // getGradient() returns a new handle on the weight's long-lived manager: close it.
                try (NDArray gradient = weight.getGradient()) {
                    sgd.update(parameter.getId(), weight, gradient);
                }
            }
            return value;
        }
    }
}
