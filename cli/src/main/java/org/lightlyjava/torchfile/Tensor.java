package org.lightlyjava.torchfile;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A tensor of a PyTorch file: element type, shape, and its values in row-major order (contiguous,
 * little-endian bytes). Immutable.
 */
public final class Tensor {

    private final DType dtype;
    private final long[] shape;
    private final byte[] data;

    Tensor(DType dtype, long[] shape, byte[] data) {
        long numel = numel(shape);
        if (numel * dtype.size() != data.length) {
            throw new IllegalArgumentException(
                    data.length
                            + " bytes do not hold a "
                            + dtype
                            + " tensor of shape "
                            + text(shape));
        }
        this.dtype = dtype;
        this.shape = shape.clone();
        this.data = data;
    }

    /** A float32 tensor of {@code values} (row-major) with the given shape. */
    public static Tensor of(float[] values, long... shape) {
        ByteBuffer buffer = DType.littleEndian(new byte[values.length * 4]);
        buffer.asFloatBuffer().put(values);
        return new Tensor(DType.FLOAT32, shape, buffer.array());
    }

    /** An int64 tensor of {@code values} (row-major) with the given shape. */
    public static Tensor ofLongs(long[] values, long... shape) {
        ByteBuffer buffer = DType.littleEndian(new byte[values.length * 8]);
        buffer.asLongBuffer().put(values);
        return new Tensor(DType.INT64, shape, buffer.array());
    }

    public DType dtype() {
        return dtype;
    }

    public long[] shape() {
        return shape.clone();
    }

    /** Number of elements: the product of the shape (1 for a scalar). */
    public long numel() {
        return numel(shape);
    }

    /** The values as floats, converted from the element type. */
    public float[] floats() {
        ByteBuffer buffer = DType.littleEndian(data);
        float[] out = new float[(int) numel()];
        if (dtype == DType.FLOAT32) {
            buffer.asFloatBuffer().get(out);
            return out;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = dtype.floatAt(buffer, i);
        }
        return out;
    }

    /** The values as longs, converted from the element type (floats truncated). */
    public long[] longs() {
        ByteBuffer buffer = DType.littleEndian(data);
        long[] out = new long[(int) numel()];
        for (int i = 0; i < out.length; i++) {
            out[i] = dtype.longAt(buffer, i);
        }
        return out;
    }

    /** The shape as PyTorch prints it, for example {@code [16, 3, 3, 3]}. */
    public String shapeText() {
        return text(shape);
    }

    byte[] bytes() {
        return data;
    }

    static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + text(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    static String text(long[] shape) {
        return Arrays.toString(shape);
    }

    @Override
    public String toString() {
        return "Tensor(" + dtype + ", " + shapeText() + ")";
    }
}
