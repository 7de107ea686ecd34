package org.lightlyjava.torchfile;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes the pickle (protocol 2) of a checkpoint as {@code torch.save} does: plain Python values,
 * ordered dicts, and tensors as {@code _rebuild_tensor_v2} over storages that {@link TorchWriter}
 * stores beside the pickle. No memo: every value is written once.
 */
final class PickleWriter {

    /** An {@code OrderedDict} (a state dict) rather than a plain dict. */
    record OrderedDict(Map<String, ?> entries) {}

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Tensor> storages;

    /**
     * @param storages receives each tensor written; its index is its storage key
     */
    PickleWriter(List<Tensor> storages) {
        this.storages = storages;
    }

    byte[] pickle(Object value) {
        out.write(0x80); // PROTO
        out.write(2);
        write(value);
        out.write('.'); // STOP
        return out.toByteArray();
    }

    private void write(Object value) {
        if (value == null) {
            out.write('N');
        } else if (value instanceof Boolean b) {
            out.write(b ? 0x88 : 0x89);
        } else if (value instanceof Integer || value instanceof Long) {
            integer(((Number) value).longValue());
        } else if (value instanceof Float || value instanceof Double) {
            out.write('G');
            out.writeBytes(
                    ByteBuffer.allocate(8).putDouble(((Number) value).doubleValue()).array());
        } else if (value instanceof String s) {
            string(s);
        } else if (value instanceof Tensor t) {
            tensor(t);
        } else if (value instanceof OrderedDict d) {
            global("collections", "OrderedDict");
            out.write(')'); // EMPTY_TUPLE
            out.write('R'); // REDUCE
            items(d.entries());
        } else if (value instanceof Map<?, ?> m) {
            out.write('}'); // EMPTY_DICT
            items(m);
        } else if (value instanceof List<?> list) {
            out.write(']'); // EMPTY_LIST
            if (!list.isEmpty()) {
                out.write('(');
                list.forEach(this::write);
                out.write('e'); // APPENDS
            }
        } else {
            throw new IllegalArgumentException("cannot pickle " + value.getClass().getName());
        }
    }

    private void items(Map<?, ?> map) {
        if (map.isEmpty()) {
            return;
        }
        out.write('('); // MARK
        for (Map.Entry<?, ?> e : map.entrySet()) {
            write(e.getKey());
            write(e.getValue());
        }
        out.write('u'); // SETITEMS
    }

    /** {@code _rebuild_tensor_v2(storage, 0, size, stride, False, OrderedDict())}. */
    private void tensor(Tensor tensor) {
        long[] shape = tensor.shape();
        long[] stride = new long[shape.length];
        long step = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            stride[i] = step;
            step *= shape[i];
        }
        global("torch._utils", "_rebuild_tensor_v2");
        out.write('(');
        out.write('(');
        string("storage");
        global("torch", tensor.dtype().storageClass());
        string(Integer.toString(storages.size()));
        string("cpu");
        integer(tensor.numel());
        out.write('t'); // TUPLE
        out.write('Q'); // BINPERSID
        storages.add(tensor);
        integer(0);
        tuple(shape);
        tuple(stride);
        out.write(0x89); // requires_grad=False
        global("collections", "OrderedDict");
        out.write(')');
        out.write('R');
        out.write('t');
        out.write('R');
    }

    private void tuple(long[] values) {
        out.write('(');
        for (long v : values) {
            integer(v);
        }
        out.write('t');
    }

    private void global(String module, String name) {
        out.write('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private void string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.write('X'); // BINUNICODE
        out.writeBytes(
                ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(utf8.length).array());
        out.writeBytes(utf8);
    }

    private void integer(long v) {
        if (v >= 0 && v < 256) {
            out.write('K'); // BININT1
            out.write((int) v);
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            out.write('J'); // BININT
            out.writeBytes(
                    ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
        } else {
            byte[] big = BigInteger.valueOf(v).toByteArray(); // two's complement, big-endian
            out.write(0x8a); // LONG1
            out.write(big.length);
            for (int i = big.length - 1; i >= 0; i--) {
                out.write(big[i]);
            }
        }
    }
}
