package org.lightlyjava.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lightlyjava.model.CheckpointInfo;
import org.lightlyjava.model.Checkpoints;
import org.lightlyjava.model.Engines;
import org.lightlyjava.model.ModelSpec;
import org.lightlyjava.model.SimClrNetwork;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.ToolException;
import org.lightlyjava.weights.WeightSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network and loss training starts from: fresh (seeded), from {@code checkpoint=} weights, or
 * resumed from {@code trainer.resume_from_checkpoint} with its epoch, step count and memory bank.
 */
final class TrainingState implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrainingState.class);

    final SimClrNetwork network;
    final NtXentLoss loss;
    final int firstEpoch;
    final long firstStep;
    final CheckpointInfo resumedFrom;
    final List<NDArray> momentum;

    private TrainingState(
            SimClrNetwork network,
            NtXentLoss loss,
            int firstEpoch,
            long firstStep,
            CheckpointInfo resumedFrom,
            List<NDArray> momentum) {
        this.network = network;
        this.loss = loss;
        this.firstEpoch = firstEpoch;
        this.firstStep = firstStep;
        this.resumedFrom = resumedFrom;
        this.momentum = momentum;
    }

    static TrainingState open(TrainSettings settings, Device device) {
        Engines.seed(settings.seed());
        if (settings.resumeFrom() != null) {
            return resume(settings, device);
        }
        SimClrNetwork network = initialNetwork(settings, device);
        return new TrainingState(network, newLoss(settings, network), 0, 0, null, List.of());
    }

    /** From the initial weights; Lightly's zoo weights that do not fit give a fresh network. */
    private static SimClrNetwork initialNetwork(TrainSettings settings, Device device) {
        WeightSources.Weights weights = settings.initialWeights();
        if (weights.file() != null) {
            try {
                return load(weights.file(), weights.key(), settings, device).network();
            } catch (ToolException e) {
                if (!weights.optional()) {
                    throw e;
                }
                log.warn("{}; the model will be trained from scratch instead", e.getMessage());
            }
        }
        return SimClrNetwork.create(settings.model(), device, settings.inputSize());
    }

    private static TrainingState resume(TrainSettings settings, Device device) {
        Checkpoints.Loaded loaded =
                load(settings.resumeFrom(), "trainer.resume_from_checkpoint", settings, device);
        CheckpointInfo info = loaded.info();
        if (info == null) {
            loaded.network().close();
            throw new ToolException(
                    ExitCode.CONFIG,
                    "trainer.resume_from_checkpoint="
                            + settings.resumeFrom()
                            + ": not written by lightly-java, so it holds no training state to"
                            + " resume; pass it as checkpoint= to start from its weights");
        }
        NtXentLoss loss;
        if (settings.memoryBankSize() > 0 && loaded.memoryBank() != null) {
            loss = new NtXentLoss(settings.temperature(), loaded.memoryBank());
            loss.restoreBankPointer(info.memoryBankPointer());
        } else {
            if (loaded.memoryBank() != null) {
                loaded.memoryBank().close();
            }
            loss = newLoss(settings, loaded.network());
        }
        log.info(
                "resuming from {} after epoch {} (step {})",
                settings.resumeFrom().getFileName(),
                info.epoch(),
                info.globalStep());
        return new TrainingState(
                loaded.network(),
                loss,
                info.epoch() + 1,
                info.globalStep(),
                info,
                loaded.momentum());
    }

    private static Checkpoints.Loaded load(
            Path file, String key, TrainSettings settings, Device device) {
        if (!Files.isRegularFile(file)) {
            throw new ToolException(ExitCode.CONFIG, key + "=" + file + ": file not found");
        }
        try {
            return Checkpoints.load(file, device, settings.model(), settings.inputSize());
        } catch (IOException e) {
            throw new ToolException(ExitCode.CONFIG, key + "=" + file + ": " + e.getMessage(), e);
        }
    }

    private static NtXentLoss newLoss(TrainSettings settings, SimClrNetwork network) {
        NDArray bank =
                settings.memoryBankSize() > 0
                        ? NtXentLoss.newBank(
                                network.manager(),
                                settings.model().outDim(),
                                settings.memoryBankSize())
                        : null;
        return new NtXentLoss(settings.temperature(), bank);
    }

    ModelSpec model() {
        return network.spec();
    }

    @Override
    public void close() {
        loss.close();
        network.close();
    }
}
