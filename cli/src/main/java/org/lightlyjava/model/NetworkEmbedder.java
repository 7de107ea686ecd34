package org.lightlyjava.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;

/** Embeds with the backbone of a {@link SimClrNetwork} in inference mode. */
final class NetworkEmbedder implements Embedder {

    private final SimClrNetwork network;
    private final String source;

    NetworkEmbedder(SimClrNetwork network, String source) {
        this.network = network;
        this.source = source;
    }

    @Override
    public int dimension() {
        return network.spec().numFtrs();
    }

    @Override
    public float[][] embed(float[] images, int count, int size) {
        // A sub-manager per batch owns the input and every intermediate, so nothing leaks.
        try (NDManager batch = network.manager().newSubManager()) {
            int rows = Batches.rows(count);
            NDArray x =
                    batch.create(
                            FloatBuffer.wrap(
                                    Batches.padded(images, count, size), 0, rows * 3 * size * size),
                            new Shape(rows, 3, size, size));
            return Batches.firstRows(
                    Rows.split(network.embed(x, false).toFloatArray(), rows), count);
        }
    }

    @Override
    public String describe() {
        return network.spec().name() + " (" + source + ")";
    }

    @Override
    public void close() {
        network.close();
    }
}
