package org.lightlyjava.model;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import org.lightlyjava.config.Config;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.ToolException;
import org.lightlyjava.torchfile.TorchReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the {@link Embedder} for a file of weights, or a randomly initialised network. */
public final class Embedders {

    private static final Logger log = LoggerFactory.getLogger(Embedders.class);

    private Embedders() {}

    /**
     * An embedder for {@code weights}: a PyTorch checkpoint (lightly-java's or Lightly's {@code
     * .ckpt}/{@code .pth}, into the network of the {@code model.*} keys), a TorchScript module; or,
     * for {@code null}, a freshly initialised network from the {@code model.*} keys and {@code
     * seed}.
     *
     * @param key the setting the file came from, named in errors ({@code checkpoint})
     * @throws ToolException with {@link ExitCode#CONFIG} when the file cannot be used
     */
    public static Embedder open(Config config, Path weights, String key) {
        Embedder embedder = openRaw(config, weights, key);
        return config.bool("embed.normalize") ? new NormalizingEmbedder(embedder) : embedder;
    }

    private static Embedder openRaw(Config config, Path weights, String key) {
        ModelSpec spec = ModelSpec.from(config);
        int inputSize = config.integer("collate.input_size");
        Device device = Engines.device(config.integer("trainer.gpus"));
        if (weights == null) {
            Engines.seed(config.integer("seed"));
            return new NetworkEmbedder(
                    SimClrNetwork.create(spec, device, inputSize), "random weights");
        }
        try {
            TorchReader.Kind kind = TorchReader.kind(weights);
            if (kind == TorchReader.Kind.TORCHSCRIPT) {
                return TorchScriptEmbedder.load(weights, device, inputSize);
            }
            if (kind == TorchReader.Kind.OTHER && looksLikeOnnx(weights)) {
                return OnnxEmbedder.load(
                        weights,
                        config.string("embed.output"),
                        Runtime.getRuntime().availableProcessors(),
                        inputSize);
            }
            if (!Checkpoints.isCheckpoint(weights)) {
                throw new IOException(
                        "not a PyTorch checkpoint (.ckpt, .pth), TorchScript module or ONNX model");
            }
            Checkpoints.Loaded loaded = Checkpoints.load(weights, device, spec, inputSize);
            if (loaded.info() != null) {
                warnIfDifferent(spec, loaded.info().model(), weights);
            }
            if (loaded.memoryBank() != null) {
                loaded.memoryBank().close();
            }
            return new NetworkEmbedder(loaded.network(), weights.getFileName().toString());
        } catch (IOException e) {
            throw new ToolException(
                    ExitCode.CONFIG, key + "=" + weights + ": " + e.getMessage(), e);
        }
    }

    /** A {@code .onnx} name, or an ONNX protobuf's first field (ir_version, a varint). */
    private static boolean looksLikeOnnx(Path file) throws IOException {
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".onnx")) {
            return true;
        }
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            return in.read() == 0x08 && !LegacyCheckpoints.isCheckpoint(file);
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
