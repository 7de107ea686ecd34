package org.lightlyjava.torchfile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/** The element types of PyTorch storages that checkpoints hold, by their pickled class name. */
public enum DType {
    FLOAT32("FloatStorage", 4),
    FLOAT64("DoubleStorage", 8),
    FLOAT16("HalfStorage", 2),
    BFLOAT16("BFloat16Storage", 2),
    INT64("LongStorage", 8),
    INT32("IntStorage", 4),
    INT16("ShortStorage", 2),
    INT8("CharStorage", 1),
    UINT8("ByteStorage", 1),
    BOOL("BoolStorage", 1);

    private final String storage;
    private final int size;

    DType(String storage, int size) {
        this.storage = storage;
        this.size = size;
    }

    /** The class {@code torch.<name>} that pickles name for storages of this type. */
    public String storageClass() {
        return storage;
    }

    /** Bytes per element. */
    public int size() {
        return size;
    }

    /** Whether values are floating point (converted to float losslessly or by rounding). */
    public boolean isFloating() {
        return this == FLOAT32 || this == FLOAT64 || this == FLOAT16 || this == BFLOAT16;
    }

    static Optional<DType> ofStorageClass(String name) {
        for (DType type : values()) {
            if (type.storage.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Element {@code i} of little-endian {@code data} as a float. */
    float floatAt(ByteBuffer data, int i) {
        int at = i * size;
        return switch (this) {
            case FLOAT32 -> data.getFloat(at);
            case FLOAT64 -> (float) data.getDouble(at);
            case FLOAT16 -> halfToFloat(data.getShort(at));
            case BFLOAT16 -> Float.intBitsToFloat((data.getShort(at) & 0xffff) << 16);
            default -> (float) longAt(data, i);
        };
    }

    /** Element {@code i} of little-endian {@code data} as a long (floats truncated). */
    long longAt(ByteBuffer data, int i) {
        int at = i * size;
        return switch (this) {
            case INT64 -> data.getLong(at);
            case INT32 -> data.getInt(at);
            case INT16 -> data.getShort(at);
            case INT8 -> data.get(at);
            case UINT8, BOOL -> data.get(at) & 0xff;
            default -> (long) floatAt(data, i);
        };
    }

    /** IEEE 754 half precision to float (Java 17 has no {@code Float.float16ToFloat}). */
    static float halfToFloat(short half) {
        int sign = (half & 0x8000) << 16;
        int exponent = (half >>> 10) & 0x1f;
        int mantissa = half & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float value = mantissa * 0x1p-24f;
            return sign == 0 ? value : -value;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    static ByteBuffer littleEndian(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
