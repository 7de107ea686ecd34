package org.lightlyjava.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One residual unit: {@code relu(main(x) + shortcut(x))}, where the shortcut is the identity or a
 * strided 1x1 convolution with batch norm, as in Lightly's {@code BasicBlock} and {@code
 * Bottleneck}.
 */
final class Residual extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Chain main;
    private final Chain shortcut;

    /**
     * @param main the convolution path
     * @param shortcut the projection path, or {@code null} for the identity
     */
    Residual(Chain main, Chain shortcut) {
        super(VERSION);
        this.main = addChildBlock("main", main);
        this.shortcut = shortcut == null ? null : addChildBlock("shortcut", shortcut);
    }

    Chain main() {
        return main;
    }

    /** The projection path, or {@code null} for the identity. */
    Chain shortcut() {
        return shortcut;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray y = main.forward(parameterStore, inputs, training, params).singletonOrThrow();
        NDArray skip =
                shortcut == null
                        ? x
                        : shortcut.forward(parameterStore, inputs, training, params)
                                .singletonOrThrow();
        if (training) {
            return new NDList(Activation.relu(y.add(skip)));
        }
        // Inference: add in place and free what is no longer needed; the caller frees x.
        y.addi(skip);
        if (skip != x) {
            skip.close();
        }
        NDArray out = Activation.relu(y);
        y.close();
        return new NDList(out);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return main.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        main.initialize(manager, dataType, inputShapes);
        if (shortcut != null) {
            shortcut.initialize(manager, dataType, inputShapes);
        }
    }
}
