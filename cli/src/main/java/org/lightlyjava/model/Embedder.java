package org.lightlyjava.model;

/**
 * Turns a batch of preprocessed images into embeddings. One thread calls it at a time; it owns
 * native memory, so close it.
 */
public interface Embedder extends AutoCloseable {

    /** Length of each embedding. */
    int dimension();

    /**
     * The only input size the model takes, or -1 when it takes any ({@code collate.input_size}).
     */
    default int inputSize() {
        return -1;
    }

    /**
     * Embeds {@code count} images stored one after another in {@code images}, each as {@code 3 x
     * size x size} floats in CHW order, normalised.
     *
     * @return {@code count} embeddings of {@link #dimension()} values
     */
    float[][] embed(float[] images, int count, int size);

    /** Where the weights come from, for logs and provenance. */
    String describe();

    @Override
    void close();
}
