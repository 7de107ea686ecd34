package org.lightlyjava.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Stochastic gradient descent as PyTorch's {@code torch.optim.SGD} defines it (no dampening, no
 * Nesterov): {@code d = grad + weight_decay * w}; with momentum {@code buf = momentum * buf + d},
 * {@code d = buf}; then {@code w -= lr * d}. Lightly trains with momentum 0; the momentum buffers
 * of an opt-in momentum are part of the checkpoint, so a resumed run continues exactly. They live
 * in the network's manager and go with it.
 */
final class Sgd {

    private final List<Parameter> parameters;
    private final float weightDecay;
    private final float momentum;
    private final List<NDArray> buffers;
    private final NDManager manager;

    /**
     * @param manager where the momentum buffers live
     * @param restored momentum buffers from a checkpoint, one per parameter, or empty
     */
    Sgd(
            List<Parameter> parameters,
            float weightDecay,
            float momentum,
            NDManager manager,
            List<NDArray> restored) {
        this.parameters = parameters;
        this.weightDecay = weightDecay;
        this.momentum = momentum;
        this.manager = manager;
        this.buffers = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            buffers.add(i < restored.size() ? restored.get(i) : null);
        }
    }

    /** One update of every parameter from its gradient, at learning rate {@code lr}. */
    void step(float lr) {
        for (int i = 0; i < parameters.size(); i++) {
            NDArray weight = parameters.get(i).getArray();
            // getGradient() returns a new handle on the weight's long-lived manager: close it;
            // every other temporary array goes into the scratch manager.
            try (NDManager scratch = manager.newSubManager();
                    NDArray gradient = weight.getGradient()) {
                NDArray d = scratch(gradient.duplicate(), scratch);
                if (weightDecay != 0) {
                    d.addi(scratch(weight.mul(weightDecay), scratch));
                }
                if (momentum != 0) {
                    NDArray buffer = buffers.get(i);
                    if (buffer == null) {
                        buffer = d.duplicate();
                        buffer.attach(manager);
                        buffers.set(i, buffer);
                    } else {
                        buffer.muli(momentum).addi(d);
                    }
                    d = buffer;
                }
                weight.subi(scratch(d.mul(lr), scratch));
                // PyTorch keeps gradients until zero_grad; the next backward must start afresh
                gradient.subi(gradient);
            }
        }
    }

    private static NDArray scratch(NDArray array, NDManager scratch) {
        array.attach(scratch);
        return array;
    }

    /** The momentum buffers, one per parameter ({@code null} before the first step or without). */
    List<NDArray> buffers() {
        return buffers;
    }
}
