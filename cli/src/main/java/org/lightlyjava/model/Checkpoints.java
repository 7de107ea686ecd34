package org.lightlyjava.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lightlyjava.torchfile.Tensor;
import org.lightlyjava.torchfile.TorchReader;
import org.lightlyjava.torchfile.TorchWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoint files. lightly-java writes PyTorch's zip format as lightly-train did, so Lightly's
 * Python code loads them ({@code torch.load(f)["state_dict"]}): {@code state_dict} under Lightly's
 * names, {@code epoch} and {@code global_step}, plus {@code lightly_java} ({@link CheckpointInfo}),
 * with a memory bank {@code memory_bank}, and with SGD momentum its buffers in {@code
 * optimizer_states} (PyTorch's layout). Written atomically: a crash never leaves a torn file.
 *
 * <p>Read: those files; Lightly's own {@code .ckpt} (PyTorch Lightning) and model-zoo {@code .pth}
 * files, whose architecture is the {@code model.*} settings, as in Lightly; and the checkpoints of
 * earlier lightly-java versions ({@link LegacyCheckpoints}).
 */
public final class Checkpoints {

    /** Version of the {@code lightly_java} entry. */
    public static final int FORMAT = 2;

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
    private static final String META = "lightly_java";
    private static final String BANK = "memory_bank";
    private static final String OPTIMIZER = "optimizer_states";
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Checkpoints() {}

    /**
     * A loaded checkpoint: the network (caller closes it), what the file says about it ({@code
     * null} for files lightly-java did not write), the memory bank or {@code null}, and the SGD
     * momentum buffers in parameter order (empty without; they live in the network's manager).
     */
    public record Loaded(
            SimClrNetwork network,
            CheckpointInfo info,
            NDArray memoryBank,
            List<NDArray> momentum) {
        Loaded(SimClrNetwork network, CheckpointInfo info, NDArray memoryBank) {
            this(network, info, memoryBank, List.of());
        }
    }

    /** Writes {@code network} and {@code info} (and the memory bank, when not null). */
    public static void save(
            Path file, SimClrNetwork network, CheckpointInfo info, NDArray memoryBank)
            throws IOException {
        save(file, network, info, memoryBank, List.of());
    }

    /**
     * Writes {@code network} and {@code info}, the memory bank when not null, and the momentum
     * buffers (one per trainable parameter, {@code null} where there is none yet).
     */
    public static void save(
            Path file,
            SimClrNetwork network,
            CheckpointInfo info,
            NDArray memoryBank,
            List<NDArray> momentum)
            throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("epoch", info.epoch());
        top.put("global_step", info.globalStep());
        // each step runs the backbone once per view in training mode
        top.put(
                "state_dict",
                TorchWriter.orderedDict(StateDicts.of(network, 2 * info.globalStep())));
        top.put(META, JSON.convertValue(info, Map.class));
        if (memoryBank != null) {
            top.put(BANK, tensor(memoryBank));
        }
        if (momentum.stream().anyMatch(b -> b != null)) {
            top.put(OPTIMIZER, List.of(optimizerState(momentum)));
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        TorchWriter.write(tmp, top);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Copies a checkpoint file atomically, for example an epoch file to {@code last.ckpt}. */
    public static void copy(Path from, Path to) throws IOException {
        Path tmp = to.resolveSibling(to.getFileName() + ".tmp");
        Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * What a lightly-java checkpoint says about itself.
     *
     * @throws IOException when the file is not one lightly-java wrote
     */
    public static CheckpointInfo info(Path file) throws IOException {
        if (LegacyCheckpoints.isCheckpoint(file)) {
            return LegacyCheckpoints.info(file);
        }
        CheckpointInfo info = info(TorchReader.read(file));
        if (info == null) {
            throw new IOException(file + " was not written by lightly-java");
        }
        return info;
    }

    /** Whether {@code file} holds weights this class reads (rather than TorchScript or ONNX). */
    public static boolean isCheckpoint(Path file) throws IOException {
        TorchReader.Kind kind = TorchReader.kind(file);
        return kind == TorchReader.Kind.ZIP
                || kind == TorchReader.Kind.LEGACY
                || LegacyCheckpoints.isCheckpoint(file);
    }

    /**
     * Builds the network and loads the checkpoint's weights into it. A lightly-java checkpoint
     * brings its own architecture; for Lightly's files it is {@code expected}, as in Lightly.
     *
     * @param inputSize the image size the network is initialised for
     * @throws IOException when the file is unreadable, unsafe, or does not fit the network (the
     *     message names the first tensor that does not fit and both shapes)
     */
    public static Loaded load(Path file, Device device, ModelSpec expected, int inputSize)
            throws IOException {
        if (LegacyCheckpoints.isCheckpoint(file)) {
            return LegacyCheckpoints.load(file, device);
        }
        Object value = TorchReader.read(file);
        CheckpointInfo info = info(value);
        Map<String, Tensor> state = StateDicts.normalise(stateDict(value));
        ModelSpec spec = info != null ? info.model() : expected;
        SimClrNetwork network =
                SimClrNetwork.create(spec, device, info != null ? info.inputSize() : inputSize);
        try {
            List<String> unused = StateDicts.load(network, state);
            if (!unused.isEmpty()) {
                log.warn(
                        "{}: {} tensors have no place in {} and are ignored, for example {}",
                        file.getFileName(),
                        unused.size(),
                        spec.name(),
                        unused.subList(0, Math.min(3, unused.size())));
            }
            NDArray bank = null;
            List<NDArray> momentum = List.of();
            if (value instanceof Map<?, ?> top) {
                if (top.get(BANK) instanceof Tensor b) {
                    bank = array(network, b);
                }
                momentum = momentum(network, top.get(OPTIMIZER));
            }
            return new Loaded(network, info, bank, momentum);
        } catch (IOException | RuntimeException e) {
            network.close();
            throw e;
        }
    }

    /** PyTorch's SGD state: {@code {"state": {i: {"momentum_buffer": t}}, "param_groups": ...}}. */
    private static Map<String, Object> optimizerState(List<NDArray> momentum) {
        Map<Integer, Object> state = new LinkedHashMap<>();
        List<Integer> params = new ArrayList<>();
        for (int i = 0; i < momentum.size(); i++) {
            params.add(i);
            if (momentum.get(i) != null) {
                state.put(i, Map.of("momentum_buffer", tensor(momentum.get(i))));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", state);
        out.put("param_groups", List.of(Map.of("params", params)));
        return out;
    }

    /** The momentum buffers of our own checkpoints (Lightly's start a fresh optimizer). */
    private static List<NDArray> momentum(SimClrNetwork network, Object optimizers)
            throws IOException {
        if (!(optimizers instanceof List<?> list)
                || list.isEmpty()
                || !(list.get(0) instanceof Map<?, ?> sgd)
                || !(sgd.get("state") instanceof Map<?, ?> state)) {
            return List.of();
        }
        List<ai.djl.nn.Parameter> parameters = network.trainableParameters();
        List<NDArray> out = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            if (state.get(i) instanceof Map<?, ?> s
                    && s.get("momentum_buffer") instanceof Tensor t) {
                if (!java.util.Arrays.equals(
                        t.shape(), parameters.get(i).getArray().getShape().getShape())) {
                    throw new IOException("momentum buffer " + i + " does not fit its parameter");
                }
                out.add(array(network, t));
            } else {
                out.add(null);
            }
        }
        return out;
    }

    private static Tensor tensor(NDArray array) {
        return Tensor.of(array.toFloatArray(), array.getShape().getShape());
    }

    private static NDArray array(SimClrNetwork network, Tensor tensor) {
        return network.manager().create(tensor.floats(), new Shape(tensor.shape()));
    }

    /** The state dict of a Lightning checkpoint or zoo file, or the file itself when it is one. */
    private static Map<?, ?> stateDict(Object value) throws IOException {
        if (!(value instanceof Map<?, ?> top)) {
            throw new IOException("holds no state dict (its pickle is not a dict)");
        }
        if (top.get("state_dict") instanceof Map<?, ?> state) {
            return state;
        }
        if (top.get("state_dict") == null && top.containsKey("state_dict")) {
            throw new IOException("its state_dict is empty (None)");
        }
        return top;
    }

    private static CheckpointInfo info(Object value) throws IOException {
        if (!(value instanceof Map<?, ?> top) || !(top.get(META) instanceof Map<?, ?> meta)) {
            return null;
        }
        try {
            return JSON.convertValue(meta, CheckpointInfo.class);
        } catch (IllegalArgumentException e) {
            throw new IOException("its " + META + " entry is damaged: " + e.getMessage(), e);
        }
    }
}
