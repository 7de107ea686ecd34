package org.lightlyjava.model;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lightlyjava.torchfile.Tensor;

/**
 * Lightly's state dicts and our networks: the weights of a {@code .pth} or {@code .ckpt} into a
 * {@link SimClrNetwork}, and a network's weights as the state dict lightly-train would have saved
 * ({@code model.backbone.*}, {@code model.projection_head.layers.*}).
 */
final class StateDicts {

    private static final Pattern UNIT = Pattern.compile("backbone\\.([3-6])\\.(\\d+)\\.");

    private StateDicts() {}

    /**
     * The keys as Lightly's loader makes them (lightly/cli/_helpers.py): everything before {@code
     * backbone}/{@code projection_head} dropped (Lightning's {@code model.}), the pre-1.0.6 {@code
     * features} renamed {@code backbone}, and {@code layers} inserted into old head keys. Values
     * that are not tensors are left out.
     */
    static Map<String, Tensor> normalise(Map<?, ?> state) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : state.entrySet()) {
            if (!(e.getKey() instanceof String key) || !(e.getValue() instanceof Tensor t)) {
                continue;
            }
            List<String> parts = new ArrayList<>(Arrays.asList(key.split("\\.")));
            int start = 0;
            while (start < parts.size() && !isModule(parts.get(start))) {
                start++;
            }
            if (start == parts.size()) {
                out.put(key, t);
                continue;
            }
            parts = new ArrayList<>(parts.subList(start, parts.size()));
            if (parts.get(0).equals("features")) {
                parts.set(0, "backbone");
            }
            if (parts.get(0).equals("projection_head") && !parts.contains("layers")) {
                parts.add(1, "layers");
            }
            out.put(String.join(".", parts), t);
        }
        return out;
    }

    private static boolean isModule(String part) {
        return part.equals("backbone") || part.equals("features") || part.equals("projection_head");
    }

    /**
     * Copies the tensors into {@code network}: every backbone tensor must be there with the
     * network's shape; without a projection head the network keeps its own.
     *
     * @return the names of tensors in the file the network has no place for
     * @throws IOException naming the first missing tensor, or the first whose shape differs
     */
    static List<String> load(SimClrNetwork network, Map<String, Tensor> state) throws IOException {
        List<TorchNames.Entry> backbone = TorchNames.backbone(network.backboneBlock());
        List<TorchNames.Entry> head = TorchNames.head(network.headBlock());
        boolean hasHead = head.stream().anyMatch(e -> state.containsKey(e.name()));
        Map<String, Tensor> unused = new LinkedHashMap<>(state);
        for (TorchNames.Entry entry : backbone) {
            copy(entry, state, network.spec(), unused);
        }
        if (hasHead) {
            for (TorchNames.Entry entry : head) {
                copy(entry, state, network.spec(), unused);
            }
        }
        return List.copyOf(unused.keySet());
    }

    private static void copy(
            TorchNames.Entry entry,
            Map<String, Tensor> state,
            ModelSpec spec,
            Map<String, Tensor> unused)
            throws IOException {
        Tensor tensor = state.get(entry.name());
        unused.remove(entry.name());
        if (entry.parameter() == null) {
            return; // num_batches_tracked: optional, and DJL keeps no counter
        }
        NDArray target = entry.parameter().getArray();
        long[] shape = target.getShape().getShape();
        if (tensor == null) {
            throw new IOException(
                    entry.name() + " is missing (" + describe(spec) + " needs it)" + hint(state));
        }
        if (!Arrays.equals(tensor.shape(), shape)) {
            throw new IOException(
                    entry.name()
                            + " has shape "
                            + tensor.shapeText()
                            + " in the file but "
                            + Arrays.toString(shape)
                            + " in "
                            + describe(spec)
                            + hint(state));
        }
        // A new tensor swapped in rather than NDArray.set, whose native copy goes through
        // PyTorch's deprecated AutoNonVariableTypeMode and prints a warning on stderr. The array
        // made from the buffer reads the buffer's memory, so a copy that owns its memory goes in.
        boolean gradient = target.hasGradient();
        try (NDArray view =
                target.getManager().create(FloatBuffer.wrap(tensor.floats()), target.getShape())) {
            target.intern(view.duplicate());
        }
        if (gradient) {
            target.setRequiresGradient(true);
        }
    }

    /**
     * The network's weights under lightly-train's names, with {@code num_batches_tracked} set to
     * {@code batchesTracked} (the number of training forward passes).
     */
    static Map<String, Tensor> of(SimClrNetwork network, long batchesTracked) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        List<TorchNames.Entry> entries =
                new ArrayList<>(TorchNames.backbone(network.backboneBlock()));
        entries.addAll(TorchNames.head(network.headBlock()));
        for (TorchNames.Entry entry : entries) {
            Tensor tensor;
            if (entry.parameter() == null) {
                tensor = Tensor.ofLongs(new long[] {batchesTracked});
            } else {
                NDArray array = entry.parameter().getArray();
                tensor = Tensor.of(array.toFloatArray(), array.getShape().getShape());
            }
            out.put("model." + entry.name(), tensor);
        }
        return out;
    }

    /**
     * The {@code model.*} settings a Lightly state dict was made with, read from its shapes, or
     * empty when it is not a whole Lightly backbone.
     */
    static Optional<ModelSpec> infer(Map<String, Tensor> state, int defaultOutDim) {
        Tensor stem = state.get("backbone.1.weight");
        Tensor last = state.get("backbone.7.weight");
        if (stem == null || last == null || stem.shape().length != 4) {
            return Optional.empty();
        }
        Map<Integer, Integer> units = new TreeMap<>();
        boolean bottleneck = false;
        for (String key : state.keySet()) {
            Matcher m = UNIT.matcher(key);
            if (m.lookingAt()) {
                units.merge(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) + 1, Math::max);
                bottleneck |= key.contains(".conv3.");
            }
        }
        Optional<String> name = ModelSpec.Arch.named(bottleneck, List.copyOf(units.values()));
        Tensor head = state.get("projection_head.layers.2.weight");
        int outDim = head != null ? (int) head.shape()[0] : defaultOutDim;
        return name.map(
                n -> new ModelSpec(n, stem.shape()[0] / 64.0, (int) last.shape()[0], outDim));
    }

    private static String hint(Map<String, Tensor> state) {
        return infer(state, 128)
                .map(s -> "; the file looks like " + describe(s))
                .orElse("; it does not look like a Lightly ResNet backbone");
    }

    static String describe(ModelSpec spec) {
        return "model.name="
                + spec.name()
                + " model.width="
                + spec.width()
                + " model.num_ftrs="
                + spec.numFtrs()
                + (spec.headBatchNorm() ? " model.head_batch_norm=True" : "");
    }
}
