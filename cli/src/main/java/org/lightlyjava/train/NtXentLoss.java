package org.lightlyjava.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Lightly's {@code NTXentLoss} (reference §5.2): the two views of each image are positives, every
 * other image of the batch a negative; or, with a memory bank, negatives come from the projections
 * of earlier batches.
 *
 * <p>Without a bank: {@code z = normalize(cat(out0, out1))}, logits {@code z z^T / t} with the
 * self-similarities removed, cross-entropy with the other view as target. With a bank of {@code K}
 * normalised past projections: logits {@code [<out0, out1>, out0 . bank] / t}, target 0; then
 * {@code out1} enters the bank, first in first out.
 */
final class NtXentLoss implements AutoCloseable {

    private static final float EPS = 1e-12f;
    private static final float MASKED = -1e9f;

    private final float temperature;
    private NDArray bank;
    private int bankPointer;

    /**
     * @param temperature {@code criterion.temperature}
     * @param bank the memory bank {@code (D, K)} (unit columns) or {@code null} for none; this loss
     *     takes ownership
     */
    NtXentLoss(float temperature, NDArray bank) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException(
                    "criterion.temperature must be positive: " + temperature);
        }
        this.temperature = temperature;
        this.bank = bank;
    }

    /** A bank of {@code size} random unit vectors of length {@code dim}, as Lightly starts one. */
    static NDArray newBank(NDManager manager, int dim, int size) {
        NDArray random = manager.randomNormal(new Shape(dim, size), DataType.FLOAT32);
        NDArray bank = normalize(random, 0);
        random.close();
        return bank;
    }

    /** The loss of one batch of projections {@code (N, D)} of view 0 and view 1. */
    NDArray compute(NDArray out0, NDArray out1) {
        return bank == null ? inBatch(out0, out1) : withBank(out0, out1);
    }

    NDArray bank() {
        return bank;
    }

    private NDArray inBatch(NDArray out0, NDArray out1) {
        long n = out0.getShape().get(0);
        NDManager manager = out0.getManager();
        NDArray z = normalize(NDArrays.concat(new NDList(out0, out1), 0), 1);
        int rows = (int) (2 * n);
        NDArray logits =
                z.matMul(z.transpose()).div(temperature).add(manager.eye(rows).mul(MASKED));
        // The target of row i is the other view of the same image: column (i + n) mod 2n.
        float[] targets = new float[rows * rows];
        for (int i = 0; i < rows; i++) {
            targets[i * rows + (int) ((i + n) % rows)] = 1f;
        }
        return logits.logSoftmax(1)
                .mul(manager.create(targets, new Shape(rows, rows)))
                .sum()
                .div(-rows);
    }

    private NDArray withBank(NDArray out0, NDArray out1) {
        NDArray z0 = normalize(out0, 1);
        NDArray z1 = normalize(out1, 1);
        NDArray positive = z0.mul(z1).sum(new int[] {1}, true);
        // a copy, as Lightly's MemoryBankModule hands out bank.clone().detach(): the bank itself
        // changes in place below, before backward runs through this product
        NDArray negative = z0.matMul(bank.duplicate());
        NDArray logits = NDArrays.concat(new NDList(positive, negative), 1).div(temperature);
        NDArray loss = logits.logSoftmax(1).get(new NDIndex(":, 0")).mean().neg();
        enqueue(z1.stopGradient());
        return loss;
    }

    /** Lightly's MemoryBankModule: fill from the pointer; at the end, truncate and restart at 0. */
    private void enqueue(NDArray z1) {
        int n = (int) z1.getShape().get(0);
        int size = (int) bank.getShape().get(1);
        NDArray columns = z1.transpose();
        if (bankPointer + n >= size) {
            bank.set(
                    new NDIndex(":, {}:", bankPointer),
                    columns.get(new NDIndex(":, 0:{}", size - bankPointer)));
            bankPointer = 0;
        } else {
            bank.set(new NDIndex(":, {}:{}", bankPointer, bankPointer + n), columns);
            bankPointer += n;
        }
    }

    /**
     * The loss when every projection is the same (the embeddings have collapsed): every logit
     * equal, so the cross-entropy over {@code 2n - 1} (in batch) or {@code K + 1} (with a bank)
     * classes is the logarithm of their count.
     */
    double collapsedValue(int batchSize) {
        long classes = bank == null ? 2L * batchSize - 1 : bank.getShape().get(1) + 1;
        return Math.log(classes);
    }

    int bankPointer() {
        return bankPointer;
    }

    void restoreBankPointer(int pointer) {
        this.bankPointer = pointer;
    }

    /**
     * Divides by the L2 norm along {@code axis}, at least {@code 1e-12} (PyTorch's F.normalize).
     */
    static NDArray normalize(NDArray x, int axis) {
        return x.div(x.norm(new int[] {axis}, true).maximum(EPS));
    }

    @Override
    public void close() {
        if (bank != null) {
            bank.close();
        }
    }
}
