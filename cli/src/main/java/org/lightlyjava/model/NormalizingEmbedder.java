package org.lightlyjava.model;

/** Scales every embedding of another embedder to unit length ({@code embed.normalize=True}). */
final class NormalizingEmbedder implements Embedder {

    private final Embedder inner;

    NormalizingEmbedder(Embedder inner) {
        this.inner = inner;
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public int inputSize() {
        return inner.inputSize();
    }

    @Override
    public float[][] embed(float[] images, int count, int size) {
        float[][] rows = inner.embed(images, count, size);
        for (float[] row : rows) {
            double sum = 0;
            for (float v : row) {
                sum += (double) v * v;
            }
            // torch.nn.functional.normalize: x / max(||x||, 1e-12)
            float norm = (float) Math.max(Math.sqrt(sum), 1e-12);
            for (int i = 0; i < row.length; i++) {
                row[i] /= norm;
            }
        }
        return rows;
    }

    @Override
    public String describe() {
        return inner.describe() + ", L2-normalised";
    }

    @Override
    public void close() {
        inner.close();
    }
}
