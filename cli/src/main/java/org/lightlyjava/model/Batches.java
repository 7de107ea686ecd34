package org.lightlyjava.model;

import java.util.Arrays;

/**
 * Shapes the batches handed to PyTorch.
 *
 * <p>PyTorch runs a convolution of a single image through its plain kernel and, on the way, asks
 * whether NNPACK is available. On CPUs NNPACK does not support (no AVX2, some virtual machines)
 * that question prints "Could not initialize NNPACK! Reason: Unsupported hardware." to the
 * process's stderr on every call, and nothing reachable from Java turns the message off (libtorch
 * reads {@code TORCH_CPP_LOG_LEVEL} only when Python initialises it). A batch of two or more images
 * goes to oneDNN, which never asks. So a lone image is embedded as a batch of two copies of itself:
 * the same rows in inference mode, and the rare last batch of one image costs no measurable time.
 */
final class Batches {

    private Batches() {}

    /** The rows to hand PyTorch for {@code count} images: at least two. */
    static int rows(int count) {
        return Math.max(count, 2);
    }

    /** {@code images} with a lone image copied into a second row; otherwise as it is. */
    static float[] padded(float[] images, int count, int size) {
        if (count != 1) {
            return images;
        }
        int length = 3 * size * size;
        float[] two = Arrays.copyOf(images, 2 * length);
        System.arraycopy(images, 0, two, length, length);
        return two;
    }

    /** The first {@code count} rows of the embeddings PyTorch returned for a padded batch. */
    static float[][] firstRows(float[][] rows, int count) {
        return rows.length == count ? rows : Arrays.copyOf(rows, count);
    }
}
