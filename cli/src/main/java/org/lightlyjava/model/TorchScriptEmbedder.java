package org.lightlyjava.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;

/**
 * Embeds with a TorchScript module that maps an image batch {@code (N, 3, S, S)} to embeddings
 * {@code (N, D)} (any trailing singleton dimensions are flattened away).
 */
final class TorchScriptEmbedder implements Embedder {

    private final Model model;
    private final Path file;
    private int dimension = -1;

    private TorchScriptEmbedder(Model model, Path file) {
        this.model = model;
        this.file = file;
    }

    static TorchScriptEmbedder load(Path file, Device device, int inputSize) throws IOException {
        Engines.pytorch();
        Model model = Model.newInstance("backbone", device, "PyTorch");
        try {
            model.load(file);
        } catch (MalformedModelException | IOException | RuntimeException e) {
            model.close();
            throw new IOException(
                    "cannot load TorchScript module " + file + ": " + e.getMessage(), e);
        }
        TorchScriptEmbedder embedder = new TorchScriptEmbedder(model, file);
        try {
            embedder.dimension =
                    embedder.embed(new float[3 * inputSize * inputSize], 1, inputSize)[0].length;
        } catch (RuntimeException e) {
            embedder.close();
            throw new IOException(
                    file
                            + " does not map an image batch (N, 3, "
                            + inputSize
                            + ", "
                            + inputSize
                            + ") to embeddings: "
                            + e.getMessage(),
                    e);
        }
        return embedder;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[][] embed(float[] images, int count, int size) {
        Block block = model.getBlock();
        try (NDManager batch = model.getNDManager().newSubManager()) {
            int rows = Batches.rows(count);
            NDArray x =
                    batch.create(
                            FloatBuffer.wrap(
                                    Batches.padded(images, count, size), 0, rows * 3 * size * size),
                            new Shape(rows, 3, size, size));
            NDList out = block.forward(new ParameterStore(batch, false), new NDList(x), false);
            NDArray y = out.head();
            if (y.getShape().dimension() < 1 || y.getShape().get(0) != rows) {
                throw new IllegalStateException(
                        "module returned shape " + y.getShape() + " for a batch of " + rows);
            }
            return Batches.firstRows(Rows.split(y.toFloatArray(), rows), count);
        }
    }

    @Override
    public String describe() {
        return "TorchScript " + file.getFileName();
    }

    @Override
    public void close() {
        model.close();
    }
}
