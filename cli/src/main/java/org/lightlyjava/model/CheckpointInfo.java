package org.lightlyjava.model;

/**
 * What a checkpoint records besides the weights (the {@code meta.json} entry of the file).
 *
 * @param format file format version, {@link Checkpoints#FORMAT}
 * @param model the architecture; loading rebuilds exactly this network
 * @param inputSize {@code collate.input_size} used in training
 * @param epoch the last finished epoch, 0-based as PyTorch Lightning counts
 * @param globalStep optimizer steps taken so far
 * @param loss mean training loss of that epoch
 * @param seed the run's seed
 * @param tool the tool and version that wrote it
 * @param engine the engine and version, for example {@code PyTorch 2.7.1}
 * @param createdAt ISO-8601 time of writing
 * @param memoryBankPointer next write position in the loss's memory bank (0 without one)
 */
public record CheckpointInfo(
        int format,
        ModelSpec model,
        int inputSize,
        int epoch,
        long globalStep,
        double loss,
        long seed,
        String tool,
        String engine,
        String createdAt,
        int memoryBankPointer) {}
