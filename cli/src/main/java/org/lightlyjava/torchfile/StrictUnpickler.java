package org.lightlyjava.torchfile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

/**
 * Pyrolite's unpickler restricted to what PyTorch checkpoints hold: tensors (as {@code
 * torch._utils._rebuild_tensor_v2} over storages named by persistent ids), parameters, ordered
 * dicts and Python's own values and containers. Any other class or function the pickle names is
 * refused by name before it could be called; instances are never built by reflection.
 *
 * <p>Length prefixes are checked against the bytes left, so a forged length cannot make it allocate
 * more than the pickle's own size. One instance reads one pickle.
 */
final class StrictUnpickler extends Unpickler {

    /** A storage a tensor points into: the persistent id {@code ('storage', type, key, ...)}. */
    record StorageRef(DType dtype, String key, long numel, long viewOffset, long viewNumel) {}

    /** A tensor whose storage bytes are read after the pickle. */
    record TensorRef(StorageRef storage, long offset, long[] size, long[] stride) {}

    /** A class the pickle names without calling it (Lightning 1.3 keys callbacks by class). */
    record ClassName(String name) implements IObjectConstructor {
        @Override
        public Object construct(Object[] args) {
            throw new Refusal(name, "calls");
        }
    }

    /** An allowed storage class, {@code torch.FloatStorage} and its kin: named, never called. */
    private record StorageClass(DType dtype) implements IObjectConstructor {
        @Override
        public Object construct(Object[] args) {
            throw new Refusal("torch." + dtype.storageClass(), "calls");
        }
    }

    /** A refusal raised inside Pyrolite's opcode handlers, turned into the checked exception. */
    static final class Refusal extends PickleException {
        private static final long serialVersionUID = 1L;
        final String className;
        final String what;

        Refusal(String className, String what) {
            super(what + " " + className);
            this.className = className;
            this.what = what;
        }
    }

    private final ByteArrayInputStream bytes;
    private final Map<String, StorageRef> storages = new LinkedHashMap<>();

    private StrictUnpickler(ByteArrayInputStream bytes) {
        this.bytes = bytes;
    }

    /**
     * Reads one pickle from {@code in}, leaving it just after the pickle's STOP.
     *
     * @param storages receives every storage the pickle refers to, by key
     */
    static Object load(ByteArrayInputStream in, Map<String, StorageRef> storages)
            throws IOException {
        StrictUnpickler unpickler = new StrictUnpickler(in);
        try {
            Object value = unpickler.load(in);
            storages.putAll(unpickler.storages);
            return value;
        } catch (Refusal e) {
            throw new UnsafePickleException(e.className, e.what);
        } catch (PickleException | ClassCastException | IndexOutOfBoundsException e) {
            throw new TorchFileException("malformed pickle: " + e.getMessage(), e);
        }
    }

    @Override
    protected Object dispatch(short key) throws IOException {
        switch (key) {
            case Opcodes.GLOBAL -> {
                String module = PickleUtils.readline(input);
                String name = PickleUtils.readline(input);
                stack.add(resolve(module, name));
                return NO_RETURN_VALUE;
            }
            case Opcodes.STACK_GLOBAL -> {
                Object name = stack.pop();
                Object module = stack.pop();
                if (!(module instanceof String m) || !(name instanceof String n)) {
                    throw new PickleException("STACK_GLOBAL without two names");
                }
                stack.add(resolve(m, n));
                return NO_RETURN_VALUE;
            }
            case Opcodes.BUILD -> {
                build();
                return NO_RETURN_VALUE;
            }
            // Python's dicts keep insertion order (a state dict's order is the network's);
            // Pyrolite's HashMaps would not
            case Opcodes.EMPTY_DICT -> {
                stack.add(new LinkedHashMap<>());
                return NO_RETURN_VALUE;
            }
            case Opcodes.DICT -> {
                LinkedHashMap<Object, Object> dict = new LinkedHashMap<>();
                putPairs(dict, stack.pop_all_since_marker());
                stack.add(dict);
                return NO_RETURN_VALUE;
            }
            case Opcodes.SETITEMS -> {
                List<Object> pairs = stack.pop_all_since_marker();
                if (!(stack.peek() instanceof Map<?, ?> target)) {
                    throw new PickleException("SETITEMS on a " + typeName(stack.peek()));
                }
                @SuppressWarnings("unchecked")
                Map<Object, Object> dict = (Map<Object, Object>) target;
                putPairs(dict, pairs);
                return NO_RETURN_VALUE;
            }
            case Opcodes.INST ->
                    throw new Refusal(
                            PickleUtils.readline(input) + "." + PickleUtils.readline(input),
                            "builds an instance of");
            case Opcodes.EXT1, Opcodes.EXT2, Opcodes.EXT4 ->
                    throw new Refusal("the extension registry", "uses");
            case Opcodes.BINSTRING, Opcodes.BINUNICODE, Opcodes.BINBYTES, Opcodes.LONG4 ->
                    checkLength(4);
            case Opcodes.BINUNICODE8, Opcodes.BINBYTES8, Opcodes.BYTEARRAY8 -> checkLength(8);
            default -> {}
        }
        return super.dispatch(key);
    }

    private static void putPairs(Map<Object, Object> dict, List<Object> pairs) {
        if (pairs.size() % 2 != 0) {
            throw new PickleException("a dict with a key but no value");
        }
        for (int i = 0; i < pairs.size(); i += 2) {
            dict.put(pairs.get(i), pairs.get(i + 1));
        }
    }

    /** Refuses a length prefix larger than what is left of the pickle. */
    private void checkLength(int width) {
        bytes.mark(width);
        byte[] prefix = new byte[width];
        int read = bytes.readNBytes(prefix, 0, width);
        bytes.reset();
        if (read < width) {
            return; // Pyrolite reports the truncation
        }
        long length = 0;
        for (int i = width - 1; i >= 0; i--) {
            length = (length << 8) | (prefix[i] & 0xff);
        }
        if (length < 0 || length > bytes.available() - width) {
            throw new PickleException(
                    "a value claims "
                            + length
                            + " bytes, more than the "
                            + bytes.available()
                            + " left");
        }
    }

    /** BUILD: only an OrderedDict takes state (its {@code _metadata}), which is not needed. */
    private void build() {
        stack.pop();
        Object target = stack.peek();
        if (!(target instanceof LinkedHashMap<?, ?>) && !(target instanceof TensorRef)) {
            throw new Refusal(typeName(target), "sets the state of");
        }
    }

    private Object resolve(String module, String name) {
        String full = module + "." + name;
        if (module.equals("torch") && name.endsWith("Storage")) {
            String storage = name.equals("UntypedStorage") ? "ByteStorage" : name;
            return DType.ofStorageClass(storage)
                    .<Object>map(StorageClass::new)
                    .orElseThrow(() -> new Refusal(full, "names"));
        }
        IObjectConstructor constructor = constructor(full);
        if (constructor != null) {
            return constructor;
        }
        if (isInertName(module, name)) {
            return new ClassName(full);
        }
        throw new Refusal(full, "names");
    }

    private static boolean isInertName(String module, String name) {
        return (module.equals("torch") && (name.equals("Tensor") || DTYPE_NAMES.contains(name)))
                || (module.equals("torch.nn.parameter") && name.equals("Parameter"))
                || module.startsWith("pytorch_lightning.callbacks")
                || module.startsWith("lightning.pytorch.callbacks");
    }

    private static final Set<String> DTYPE_NAMES =
            Set.of(
                    "float32",
                    "float",
                    "float64",
                    "double",
                    "float16",
                    "half",
                    "bfloat16",
                    "int64",
                    "long",
                    "int32",
                    "int",
                    "int16",
                    "int8",
                    "uint8",
                    "bool");

    private IObjectConstructor constructor(String full) {
        return switch (full) {
            case "collections.OrderedDict" -> StrictUnpickler::orderedDict;
            case "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_tensor" ->
                    StrictUnpickler::tensor;
            case "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state" ->
                    args -> arg(args, 0);
            case "torch._tensor._rebuild_from_type_v2" -> StrictUnpickler::fromType;
            case "torch.Size" -> args -> asList(arg(args, 0));
            case "torch.device" -> args -> String.valueOf(arg(args, 0));
            case "_codecs.encode" ->
                    args -> String.valueOf(arg(args, 0)).getBytes(StandardCharsets.ISO_8859_1);
            case "builtins.set", "__builtin__.set", "builtins.frozenset" ->
                    args -> new LinkedHashSet<>(args.length == 0 ? List.of() : asList(args[0]));
            default -> null;
        };
    }

    @Override
    protected Object persistentLoad(Object pid) {
        if (!(pid instanceof Object[] id)
                || id.length < 5
                || !"storage".equals(id[0])
                || !(id[1] instanceof StorageClass type)
                || !(id[2] instanceof String key)) {
            throw new PickleException("unexpected persistent id " + describe(pid));
        }
        long numel = number(id[4], "storage size");
        StorageRef root = storages.get(key);
        if (root != null && (root.dtype() != type.dtype() || root.numel() != numel)) {
            throw new PickleException("storage " + key + " is named with two types or sizes");
        }
        root = new StorageRef(type.dtype(), key, numel, 0, numel);
        storages.put(key, root);
        if (id.length > 5 && id[5] instanceof Object[] view) {
            // the pre-1.6 format's views: (view key, offset, size) into the root storage
            long offset = number(view[1], "view offset");
            long size = number(view[2], "view size");
            if (offset < 0 || size < 0 || offset > numel - size) {
                throw new PickleException("a storage view reaches past storage " + key);
            }
            return new StorageRef(type.dtype(), key, numel, offset, size);
        }
        return root;
    }

    private static Object orderedDict(Object[] args) {
        LinkedHashMap<Object, Object> dict = new LinkedHashMap<>();
        if (args.length > 0 && args[0] != null) {
            for (Object pair : asList(args[0])) {
                List<?> kv = asList(pair);
                dict.put(kv.get(0), kv.get(1));
            }
        }
        return dict;
    }

    private static Object tensor(Object[] args) {
        if (!(arg(args, 0) instanceof StorageRef storage)) {
            throw new PickleException("a tensor without a storage: " + describe(arg(args, 0)));
        }
        return new TensorRef(
                storage,
                number(arg(args, 1), "storage offset"),
                longs(arg(args, 2), "size"),
                longs(arg(args, 3), "stride"));
    }

    private static Object fromType(Object[] args) {
        if (!(arg(args, 0) instanceof IObjectConstructor rebuild)) {
            throw new Refusal(typeName(arg(args, 0)), "calls");
        }
        return rebuild.construct(asList(arg(args, 2)).toArray());
    }

    private static Object arg(Object[] args, int i) {
        if (i >= args.length) {
            throw new PickleException("expected at least " + (i + 1) + " arguments");
        }
        return args[i];
    }

    static List<?> asList(Object value) {
        if (value instanceof Object[] array) {
            return Arrays.asList(array);
        }
        if (value instanceof List<?> list) {
            return list;
        }
        throw new PickleException("expected a tuple or list, got " + describe(value));
    }

    private static long[] longs(Object value, String what) {
        List<?> list = asList(value);
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(list.get(i), what);
        }
        return out;
    }

    private static long number(Object value, String what) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw new PickleException(what + " is not an integer: " + describe(value));
    }

    private static String typeName(Object value) {
        if (value instanceof ClassName c) {
            return c.name();
        }
        return value == null ? "None" : value.getClass().getSimpleName();
    }

    private static String describe(Object value) {
        String text =
                value instanceof Object[] array ? Arrays.toString(array) : String.valueOf(value);
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
