package org.lightlyjava.model;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lightlyjava.config.Config;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.ToolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the {@link Embedder} a configuration asks for. */
public final class Embedders {

    private static final Logger log = LoggerFactory.getLogger(Embedders.class);

    private Embedders() {}

    /**
     * The weights of {@code checkpoint=} (a lightly-java {@code .ckpt} or a TorchScript module),
     * or, without one, a freshly initialised network from the {@code model.*} keys and {@code
     * seed}.
     *
     * @throws ToolException with {@link ExitCode#CONFIG} when the checkpoint cannot be used
     */
    public static Embedder open(Config config) {
        ModelSpec spec = ModelSpec.from(config);
        int inputSize = config.integer("collate.input_size");
        Device device = Engines.device(config.integer("trainer.gpus"));
        Path checkpoint = config.path("checkpoint");
        if (checkpoint == null) {
            Pretrained.warnUnavailable(config, spec);
            Engines.seed(config.integer("seed"));
            return new NetworkEmbedder(
                    SimClrNetwork.create(spec, device, inputSize), "random weights");
        }
        if (!Files.isRegularFile(checkpoint)) {
            throw new ToolException(
                    ExitCode.CONFIG, "checkpoint=" + checkpoint + ": file not found");
        }
        try {
            if (Checkpoints.isCheckpoint(checkpoint)) {
                Checkpoints.Loaded loaded = Checkpoints.load(checkpoint, device, spec, inputSize);
                if (loaded.info() != null) {
                    warnIfDifferent(spec, loaded.info().model(), checkpoint);
                }
                if (loaded.memoryBank() != null) {
                    loaded.memoryBank().close();
                }
                return new NetworkEmbedder(loaded.network(), checkpoint.getFileName().toString());
            }
            return TorchScriptEmbedder.load(checkpoint, device, inputSize);
        } catch (IOException e) {
            throw new ToolException(
                    ExitCode.CONFIG,
                    "checkpoint="
                            + checkpoint
                            + ": neither a lightly-java checkpoint nor a TorchScript module ("
                            + e.getMessage()
                            + ")",
                    e);
        }
    }

    private static void warnIfDifferent(ModelSpec asked, ModelSpec stored, Path checkpoint) {
        if (!asked.equals(stored)) {
            log.warn(
                    "{} holds {} (width {}, num_ftrs {}, out_dim {}); using it instead of the "
                            + "model.* keys",
                    checkpoint.getFileName(),
                    stored.name(),
                    stored.width(),
                    stored.numFtrs(),
                    stored.outDim());
        }
    }
}
