package org.lightlyjava.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lightly's SimCLR model: the ResNet backbone (image to embedding) and the projection head
 * (embedding to the space the loss works in). Owns its native memory; close it.
 */
public final class SimClrNetwork implements AutoCloseable {

    private final ModelSpec spec;
    private final NDManager manager;
    private final Chain backbone;
    private final Chain head;
    private final ParameterStore parameters;

    private SimClrNetwork(ModelSpec spec, Device device, int inputSize) {
        this.spec = spec;
        this.manager = NDManager.newBaseManager(device);
        this.backbone = Networks.backbone(spec);
        this.head = Networks.projectionHead(spec);
        backbone.initialize(manager, DataType.FLOAT32, new Shape(2, 3, inputSize, inputSize));
        head.initialize(manager, DataType.FLOAT32, new Shape(2, spec.numFtrs()));
        this.parameters = new ParameterStore(manager, false);
    }

    /** A freshly initialised network; call {@link Engines#seed} first for a reproducible one. */
    public static SimClrNetwork create(ModelSpec spec, Device device, int inputSize) {
        return new SimClrNetwork(spec, device, inputSize);
    }

    public ModelSpec spec() {
        return spec;
    }

    Chain backboneBlock() {
        return backbone;
    }

    Chain headBlock() {
        return head;
    }

    /** The manager the parameters live in; batches should use a sub-manager of it. */
    public NDManager manager() {
        return manager;
    }

    /** Images {@code (N, 3, S, S)} to embeddings {@code (N, num_ftrs)}. */
    public NDArray embed(NDArray images, boolean training) {
        return backbone.forward(parameters, new NDList(images), training).singletonOrThrow();
    }

    /** Embeddings {@code (N, num_ftrs)} to projections {@code (N, out_dim)}. */
    public NDArray project(NDArray embeddings, boolean training) {
        return head.forward(parameters, new NDList(embeddings), training).singletonOrThrow();
    }

    /** Every trainable parameter, backbone first. */
    public List<Parameter> trainableParameters() {
        List<Parameter> out = new ArrayList<>();
        for (Pair<String, Parameter> pair : backbone.getParameters()) {
            if (pair.getValue().requiresGradient()) {
                out.add(pair.getValue());
            }
        }
        for (Pair<String, Parameter> pair : head.getParameters()) {
            if (pair.getValue().requiresGradient()) {
                out.add(pair.getValue());
            }
        }
        return out;
    }

    /** Number of trainable values in the backbone. */
    public long backboneSize() {
        long count = 0;
        for (Pair<String, Parameter> pair : backbone.getParameters()) {
            if (pair.getValue().requiresGradient()) {
                count += pair.getValue().getArray().size();
            }
        }
        return count;
    }

    void loadParameters(DataInputStream backboneIn, DataInputStream headIn) throws IOException {
        try {
            backbone.loadParameters(manager, backboneIn);
            head.loadParameters(manager, headIn);
        } catch (ai.djl.MalformedModelException e) {
            throw new IOException(
                    "parameters do not fit " + spec.name() + ": " + e.getMessage(), e);
        }
        // Parameter.load replaces the arrays without marking them for gradients (VERIFIED.md).
        for (Parameter parameter : trainableParameters()) {
            parameter.getArray().setRequiresGradient(true);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
