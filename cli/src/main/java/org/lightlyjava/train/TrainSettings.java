package org.lightlyjava.train;

import java.nio.file.Path;
import org.lightlyjava.augment.AugmentSettings;
import org.lightlyjava.config.Config;
import org.lightlyjava.model.ModelSpec;
import org.lightlyjava.weights.WeightSources;

/**
 * Everything lightly-train needs from the configuration, checked once before work starts.
 *
 * @param model the network ({@code model.*})
 * @param augment the view transform ({@code collate.*})
 * @param epochs {@code trainer.max_epochs}
 * @param batchSize {@code loader.batch_size}
 * @param shuffle {@code loader.shuffle}
 * @param dropLast {@code loader.drop_last}
 * @param learningRate {@code optimizer.lr}
 * @param weightDecay {@code optimizer.weight_decay}
 * @param momentum {@code optimizer.momentum} (Lightly: 0)
 * @param cosine {@code optimizer.scheduler=cosine}: decay the rate to 0 over the run
 * @param warmupEpochs {@code optimizer.warmup_epochs}: linear warmup at the start
 * @param temperature {@code criterion.temperature}
 * @param memoryBankSize {@code criterion.memory_bank_size}, 0 for none
 * @param seed {@code seed}: weights, shuffling and augmentation all derive from it
 * @param threads decoding and augmentation threads
 * @param gpus {@code trainer.gpus}
 * @param saveTopK {@code checkpoint_callback.save_top_k}
 * @param saveLast {@code checkpoint_callback.save_last}
 * @param checkpointDir where checkpoints go
 * @param initialWeights the weights to start from ({@code checkpoint=} or Lightly's zoo; no file:
 *     random ones)
 * @param resumeFrom {@code trainer.resume_from_checkpoint}, or {@code null}
 */
public record TrainSettings(
        ModelSpec model,
        AugmentSettings augment,
        int epochs,
        int batchSize,
        boolean shuffle,
        boolean dropLast,
        float learningRate,
        float weightDecay,
        float momentum,
        boolean cosine,
        int warmupEpochs,
        float temperature,
        int memoryBankSize,
        long seed,
        int threads,
        int gpus,
        int saveTopK,
        boolean saveLast,
        Path checkpointDir,
        WeightSources.Weights initialWeights,
        Path resumeFrom) {

    public TrainSettings {
        if (epochs < 0) {
            throw new IllegalArgumentException(
                    "trainer.max_epochs must not be negative: " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("loader.batch_size must be positive: " + batchSize);
        }
        if (memoryBankSize < 0) {
            throw new IllegalArgumentException("criterion.memory_bank_size must not be negative");
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("optimizer.lr must be positive: " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("optimizer.momentum must be in [0, 1): " + momentum);
        }
        if (warmupEpochs < 0) {
            throw new IllegalArgumentException(
                    "optimizer.warmup_epochs must not be negative: " + warmupEpochs);
        }
    }

    /**
     * @param threads decoding threads
     * @param runDir the run folder, where checkpoints go unless {@code checkpoint_callback.dirpath}
     * @param initialWeights the weights to start from
     */
    public static TrainSettings from(
            Config config, int threads, Path runDir, WeightSources.Weights initialWeights) {
        Path dir = config.path("checkpoint_callback.dirpath");
        return new TrainSettings(
                ModelSpec.from(config),
                augment(config),
                config.integer("trainer.max_epochs"),
                config.integer("loader.batch_size"),
                config.bool("loader.shuffle"),
                config.bool("loader.drop_last"),
                (float) config.number("optimizer.lr"),
                (float) config.number("optimizer.weight_decay"),
                (float) config.number("optimizer.momentum"),
                config.string("optimizer.scheduler").equals("cosine"),
                config.integer("optimizer.warmup_epochs"),
                (float) config.number("criterion.temperature"),
                config.integer("criterion.memory_bank_size"),
                config.integer("seed"),
                threads,
                config.integer("trainer.gpus"),
                config.integer("checkpoint_callback.save_top_k"),
                config.bool("checkpoint_callback.save_last"),
                dir == null ? runDir : dir,
                initialWeights,
                config.path("trainer.resume_from_checkpoint"));
    }

    /** The {@code collate.*} keys as the augmentation's settings. */
    public static AugmentSettings augment(Config config) {
        return new AugmentSettings(
                config.integer("collate.input_size"),
                config.number("collate.min_scale"),
                config.number("collate.rr_prob"),
                config.numbers("collate.rr_degrees"),
                config.number("collate.hf_prob"),
                config.number("collate.vf_prob"),
                config.number("collate.cj_prob"),
                config.number("collate.cj_bright"),
                config.number("collate.cj_contrast"),
                config.number("collate.cj_sat"),
                config.number("collate.cj_hue"),
                config.number("collate.random_gray_scale"),
                config.number("collate.gaussian_blur"),
                config.numbers("collate.sigmas"));
    }

    public int inputSize() {
        return augment.inputSize();
    }
}
