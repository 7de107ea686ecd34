package org.lightlyjava.torchfile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.lightlyjava.torchfile.StrictUnpickler.StorageRef;
import org.lightlyjava.torchfile.StrictUnpickler.TensorRef;

/**
 * Reads what {@code torch.save} wrote: the zip format (PyTorch 1.6 and later: {@code
 * <root>/data.pkl} plus one entry per storage under {@code <root>/data/}) and the older format (a
 * stream of pickles followed by the raw storages). Values come back as Java maps (insertion order
 * kept), lists (for lists and tuples), strings, numbers, booleans, {@code null}, byte arrays, sets
 * and {@link Tensor}s. Every byte is checked: truncation, CRC mismatches, storages shorter than
 * their tensors and unsafe pickles fail with a {@link TorchFileException} that says which.
 */
public final class TorchReader {

    /** What a file is, judged from its first bytes and zip entries. */
    public enum Kind {
        /** {@code torch.save}'s zip format. */
        ZIP,
        /**
         * {@code torch.save} before PyTorch 1.6, or with {@code
         * _use_new_zipfile_serialization=False}.
         */
        LEGACY,
        /** A TorchScript module ({@code torch.jit.save}): a zip with {@code code/}. */
        TORCHSCRIPT,
        /** Anything else. */
        OTHER
    }

    private static final BigInteger LEGACY_MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
    private static final int LEGACY_PROTOCOL = 1001;
    private static final long MAX_PICKLE_BYTES = 256L << 20;
    private static final int MAX_DEPTH = 64;

    private TorchReader() {}

    /** Tells what {@code file} holds without reading it all. */
    public static Kind kind(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        }
        if (head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                String root = root(zip);
                if (root == null) {
                    return Kind.OTHER;
                }
                return zip.getEntry(root + "constants.pkl") != null
                                || hasEntryUnder(zip, root + "code/")
                        ? Kind.TORCHSCRIPT
                        : Kind.ZIP;
            } catch (ZipException e) {
                return Kind.ZIP; // a damaged zip: reading it says so
            }
        }
        // the old format opens with the pickled magic number: PROTO 2, LONG1 of 10 bytes
        if (head.length == 4
                && (head[0] & 0xff) == 0x80
                && (head[2] & 0xff) == 0x8a
                && head[3] == 10) {
            return Kind.LEGACY;
        }
        return Kind.OTHER;
    }

    /**
     * Reads a checkpoint written by {@code torch.save}.
     *
     * @throws UnsafePickleException when the pickle names a class beyond tensors and containers
     * @throws TorchFileException when the file is not a complete, intact PyTorch checkpoint
     */
    public static Object read(Path file) throws IOException {
        return switch (kind(file)) {
            case ZIP -> readZip(file);
            case LEGACY -> readLegacy(Files.readAllBytes(file));
            case TORCHSCRIPT ->
                    throw new TorchFileException(
                            "a TorchScript module, not a checkpoint of weights");
            case OTHER -> throw new TorchFileException("not a PyTorch file");
        };
    }

    private static Object readZip(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String root = root(zip);
            byte[] pickle = entry(zip, root + "data.pkl", -1);
            if (pickle.length > MAX_PICKLE_BYTES) {
                throw new TorchFileException("data.pkl is larger than " + MAX_PICKLE_BYTES);
            }
            Map<String, StorageRef> storages = new LinkedHashMap<>();
            Object value = StrictUnpickler.load(new ByteArrayInputStream(pickle), storages);
            Map<String, byte[]> data = new HashMap<>();
            for (StorageRef storage : storages.values()) {
                long length = Math.multiplyExact(storage.numel(), storage.dtype().size());
                data.put(storage.key(), entry(zip, root + "data/" + storage.key(), length));
            }
            return new Materializer(data).value(value, 0);
        } catch (ZipException e) {
            throw new TorchFileException("a damaged or truncated zip: " + e.getMessage(), e);
        } catch (ArithmeticException e) {
            throw new TorchFileException("a storage size overflows: " + e.getMessage(), e);
        }
    }

    private static Object readLegacy(byte[] file) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(file);
        Map<String, StorageRef> none = new HashMap<>();
        if (!LEGACY_MAGIC.equals(StrictUnpickler.load(in, none))) {
            throw new TorchFileException("not a PyTorch file (wrong magic number)");
        }
        Object protocol = StrictUnpickler.load(in, none);
        if (!Integer.valueOf(LEGACY_PROTOCOL).equals(protocol)) {
            throw new TorchFileException("unsupported legacy protocol " + protocol);
        }
        if (!(StrictUnpickler.load(in, none) instanceof Map<?, ?> sysInfo)
                || !Boolean.TRUE.equals(sysInfo.get("little_endian"))) {
            throw new TorchFileException("written on a big-endian machine; not supported");
        }
        Map<String, StorageRef> storages = new LinkedHashMap<>();
        Object value = StrictUnpickler.load(in, storages);
        List<?> keys = StrictUnpickler.asList(StrictUnpickler.load(in, none));
        Map<String, byte[]> data = new HashMap<>();
        for (Object key : keys) {
            StorageRef storage = storages.get(String.valueOf(key));
            if (storage == null) {
                throw new TorchFileException("storage " + key + " is listed but never used");
            }
            byte[] count = in.readNBytes(8);
            long numel = count.length < 8 ? -1 : DType.littleEndian(count).getLong(0);
            if (numel != storage.numel()) {
                throw new TorchFileException(
                        "storage "
                                + key
                                + " is truncated or damaged (size "
                                + numel
                                + ", expected "
                                + storage.numel()
                                + ")");
            }
            long length = Math.multiplyExact(numel, storage.dtype().size());
            if (length > in.available()) {
                throw new TorchFileException(
                        "the file is truncated: storage "
                                + key
                                + " needs "
                                + length
                                + " bytes, "
                                + in.available()
                                + " are left");
            }
            data.put(storage.key(), in.readNBytes((int) length));
        }
        for (StorageRef storage : storages.values()) {
            if (!data.containsKey(storage.key())) {
                throw new TorchFileException("storage " + storage.key() + " is missing");
            }
        }
        return new Materializer(data).value(value, 0);
    }

    /** The folder every entry sits in ({@code archive/}), or null when there is no data.pkl. */
    private static String root(ZipFile zip) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            int slash = name.indexOf('/');
            if (slash > 0 && name.substring(slash + 1).equals("data.pkl")) {
                return name.substring(0, slash + 1);
            }
        }
        return null;
    }

    private static boolean hasEntryUnder(ZipFile zip, String folder) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            if (entries.nextElement().getName().startsWith(folder)) {
                return true;
            }
        }
        return false;
    }

    /** An entry's bytes, CRC checked; {@code expected} is its required length, or -1. */
    private static byte[] entry(ZipFile zip, String name, long expected) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new TorchFileException(name + " is missing");
        }
        if (expected >= 0 && entry.getSize() != expected) {
            throw new TorchFileException(
                    name + " holds " + entry.getSize() + " bytes, its tensors need " + expected);
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readAllBytes();
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        if (bytes.length != entry.getSize()
                || (entry.getCrc() != -1 && crc.getValue() != entry.getCrc())) {
            throw new TorchFileException(name + " is damaged (its checksum does not match)");
        }
        return bytes;
    }

    /** Replaces tensor references by tensors and tuples by lists, bounding depth and size. */
    private static final class Materializer {

        private final Map<String, byte[]> storages;
        private long budget;

        Materializer(Map<String, byte[]> storages) {
            this.storages = storages;
            long total = 0;
            for (byte[] bytes : storages.values()) {
                total += bytes.length;
            }
            // real checkpoints share storages rarely (tied weights); far more is an attack
            this.budget = 4 * total + (16 << 20);
        }

        Object value(Object value, int depth) throws TorchFileException {
            if (depth > MAX_DEPTH) {
                throw new TorchFileException("values nested deeper than " + MAX_DEPTH);
            }
            if (value instanceof TensorRef ref) {
                return tensor(ref);
            }
            if (value instanceof Map<?, ?> map) {
                Map<Object, Object> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    out.put(value(e.getKey(), depth + 1), value(e.getValue(), depth + 1));
                }
                return out;
            }
            if (value instanceof Object[] || value instanceof List<?>) {
                List<Object> out = new ArrayList<>();
                for (Object item : StrictUnpickler.asList(value)) {
                    out.add(value(item, depth + 1));
                }
                return out;
            }
            if (value instanceof Set<?> set) {
                Set<Object> out = new LinkedHashSet<>();
                for (Object item : set) {
                    out.add(value(item, depth + 1));
                }
                return out;
            }
            return value;
        }

        private Tensor tensor(TensorRef ref) throws TorchFileException {
            StorageRef storage = ref.storage();
            long[] size = ref.size();
            long[] stride = ref.stride();
            if (size.length != stride.length) {
                throw new TorchFileException("a tensor's size and stride differ in length");
            }
            long numel;
            long last = ref.offset();
            try {
                numel = Tensor.numel(size);
                for (int i = 0; i < size.length; i++) {
                    if (stride[i] < 0) {
                        throw new TorchFileException("a tensor has a negative stride");
                    }
                    if (size[i] > 0) {
                        last = Math.addExact(last, Math.multiplyExact(size[i] - 1, stride[i]));
                    }
                }
            } catch (ArithmeticException | IllegalArgumentException e) {
                throw new TorchFileException(
                        "a tensor has an impossible shape " + Tensor.text(size));
            }
            if (numel > 0
                    && (ref.offset() < 0
                            || last >= storage.viewNumel()
                            || numel > storage.viewNumel())) {
                throw new TorchFileException(
                        "a tensor of shape "
                                + Tensor.text(size)
                                + " reaches past its storage "
                                + storage.key()
                                + " of "
                                + storage.viewNumel()
                                + " elements");
            }
            int es = storage.dtype().size();
            budget -= numel * es;
            if (budget < 0) {
                throw new TorchFileException("tensors share storages far more than checkpoints do");
            }
            byte[] src = storages.get(storage.key());
            byte[] out = new byte[(int) (numel * es)];
            long base = storage.viewOffset() + ref.offset();
            if (isContiguous(size, stride)) {
                System.arraycopy(src, (int) (base * es), out, 0, out.length);
            } else {
                gather(src, base, size, stride, es, out);
            }
            return new Tensor(storage.dtype(), size, out);
        }

        private static boolean isContiguous(long[] size, long[] stride) {
            long expected = 1;
            for (int i = size.length - 1; i >= 0; i--) {
                if (size[i] != 1 && stride[i] != expected) {
                    return false;
                }
                expected *= size[i];
            }
            return true;
        }

        /** Copies a strided view element by element, in row-major order. */
        private static void gather(
                byte[] src, long base, long[] size, long[] stride, int es, byte[] out) {
            long[] index = new long[size.length];
            int n = out.length / es;
            for (int k = 0; k < n; k++) {
                long at = base;
                for (int d = 0; d < size.length; d++) {
                    at += index[d] * stride[d];
                }
                System.arraycopy(src, (int) (at * es), out, k * es, es);
                for (int d = size.length - 1; d >= 0 && ++index[d] == size[d]; d--) {
                    index[d] = 0;
                }
            }
        }
    }
}
