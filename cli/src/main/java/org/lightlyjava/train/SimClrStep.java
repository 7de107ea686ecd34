package org.lightlyjava.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.FloatBuffer;
import org.lightlyjava.model.SimClrNetwork;

/**
 * One SimCLR optimisation step: each view through backbone and head separately (as Lightly does),
 * NT-Xent loss, backward, then SGD ({@link Sgd}) on every parameter at the schedule's rate.
 */
final class SimClrStep {

    private final SimClrNetwork network;
    private final NtXentLoss loss;
    private final Sgd sgd;
    private final LearningRate schedule;
    private final int inputSize;

    SimClrStep(
            SimClrNetwork network, NtXentLoss loss, Sgd sgd, LearningRate schedule, int inputSize) {
        this.network = network;
        this.loss = loss;
        this.sgd = sgd;
        this.schedule = schedule;
        this.inputSize = inputSize;
    }

    /**
     * Trains on {@code count} images whose two views lie one after another in {@code view0} and
     * {@code view1}.
     *
     * @param step the step's number in the whole run, from 0 (for the learning rate)
     * @return the loss before the update
     */
    float run(float[] view0, float[] view1, int count, long step) {
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
            sgd.step((float) schedule.at(step));
            return value;
        }
    }
}
