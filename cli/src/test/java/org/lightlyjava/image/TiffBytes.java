package org.lightlyjava.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Writes small big-endian TIFF structures (an EXIF block) with chosen tags, for EXIF tests. */
final class TiffBytes {

    static final int BYTE = 1;
    static final int ASCII = 2;
    static final int SHORT = 3;
    static final int LONG = 4;
    static final int RATIONAL = 5;
    static final int UNDEFINED = 7;
    static final int SSHORT = 8;

    /** One IFD entry; {@code value} holds {@code count} values of {@code type}, big-endian. */
    record Field(int tag, int type, int count, byte[] value) {}

    private TiffBytes() {}

    static Field ascii(int tag, String text) {
        byte[] value = (text + "\0").getBytes(StandardCharsets.ISO_8859_1);
        return new Field(tag, ASCII, value.length, value);
    }

    static Field shorts(int tag, int type, int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 2);
        for (int v : values) {
            buffer.putShort((short) v);
        }
        return new Field(tag, type, values.length, buffer.array());
    }

    static Field longs(int tag, long... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4);
        for (long v : values) {
            buffer.putInt((int) v);
        }
        return new Field(tag, LONG, values.length, buffer.array());
    }

    /** Numerator, denominator, numerator, denominator... */
    static Field rationals(int tag, long... fractions) {
        Field asLongs = longs(tag, fractions);
        return new Field(tag, RATIONAL, fractions.length / 2, asLongs.value());
    }

    static Field bytes(int tag, int type, int... values) {
        byte[] value = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            value[i] = (byte) values[i];
        }
        return new Field(tag, type, values.length, value);
    }

    /** A TIFF header and IFD0, with an Exif sub-IFD when {@code exif} is not empty. */
    static byte[] tiff(List<Field> ifd0, List<Field> exif) {
        List<Field> first = new ArrayList<>(ifd0);
        int exifAt = 0;
        if (!exif.isEmpty()) {
            first.add(longs(ExifTags.EXIF_IFD, 0)); // patched below, same size
            exifAt = 8 + size(first);
            first.set(first.size() - 1, longs(ExifTags.EXIF_IFD, exifAt));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        out.writeBytes(ifd(first, 8));
        if (!exif.isEmpty()) {
            out.writeBytes(ifd(exif, exifAt));
        }
        return out.toByteArray();
    }

    /** A JPEG with nothing but an APP1 Exif segment holding {@code tiff}. */
    static byte[] jpegWith(byte[] tiff) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 2 + 6 + tiff.length + 2);
        buffer.put(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1});
        buffer.putShort((short) (2 + 6 + tiff.length));
        buffer.put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1)).put(tiff);
        buffer.put(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return buffer.array();
    }

    private static int size(List<Field> fields) {
        int size = 2 + 12 * fields.size() + 4;
        for (Field field : fields) {
            size += field.value().length > 4 ? even(field.value().length) : 0;
        }
        return size;
    }

    private static byte[] ifd(List<Field> fields, int at) {
        ByteBuffer entries = ByteBuffer.allocate(size(fields));
        entries.putShort((short) fields.size());
        int data = at + 2 + 12 * fields.size() + 4;
        List<byte[]> outside = new ArrayList<>();
        for (Field field : fields) {
            entries.putShort((short) field.tag()).putShort((short) field.type());
            entries.putInt(field.count());
            if (field.value().length <= 4) {
                entries.put(Arrays.copyOf(field.value(), 4));
            } else {
                entries.putInt(data);
                data += even(field.value().length);
                outside.add(field.value());
            }
        }
        entries.putInt(0); // no next IFD
        for (byte[] value : outside) {
            entries.put(Arrays.copyOf(value, even(value.length)));
        }
        return entries.array();
    }

    private static int even(int length) {
        return length + (length & 1);
    }
}
