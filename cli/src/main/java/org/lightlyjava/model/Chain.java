package org.lightlyjava.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A {@link SequentialBlock} that, at inference, frees each intermediate result as soon as the next
 * one exists.
 *
 * <p>DJL otherwise keeps every activation of a forward pass alive until the batch's NDManager
 * closes: about 2 GB for a ResNet-18 batch of 64, and with glibc malloc a page fault storm on every
 * op. Training keeps them, as autograd needs them. Parameters are saved exactly as by {@link
 * SequentialBlock}.
 */
final class Chain extends SequentialBlock {

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        if (training) {
            return super.forwardInternal(parameterStore, inputs, true, params);
        }
        NDList current = inputs;
        for (Block block : children.values()) {
            NDList next = block.forward(parameterStore, current, false, params);
            if (current != inputs) {
                closeUnless(current, next);
            }
            current = next;
        }
        return current;
    }

    /**
     * Closes the arrays of {@code done} that {@code kept} does not hold (identity blocks pass them
     * on).
     */
    static void closeUnless(NDList done, NDList kept) {
        for (NDArray array : done) {
            if (!kept.contains(array)) {
                array.close();
            }
        }
    }
}
