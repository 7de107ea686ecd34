package org.lightlyjava.image;

import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.Rational;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFEntry;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Converts one EXIF value, as TwelveMonkeys' {@code TIFFReader} returns it, to a JSON value: ASCII
 * to a string trimmed of NULs, integers to {@code Integer}/{@code Long}, rationals and floats to
 * {@code Double} ({@code null} when the denominator is 0 or the value is not finite), several
 * values to a list. Binary values ({@code UNDEFINED}, long byte strings) are {@link #OMITTED}.
 */
final class ExifValues {

    /** Returned for a value that has no place in the JSON. */
    static final Object OMITTED = new Object();

    // More values than this is a table or a blob, not a fact about the photo.
    private static final int MAX_VALUES = 256;
    // Short BYTE arrays are numbers (GPSVersionID is four of them); longer ones are blobs.
    private static final int MAX_BYTES = 16;

    private ExifValues() {}

    static Object toJson(Entry entry) {
        short type = entry instanceof TIFFEntry tiff ? tiff.getType() : -1;
        Object value = entry.getValue();
        if (type == TIFF.TYPE_UNDEFINED || value == null) {
            return OMITTED;
        }
        if (value instanceof String text) {
            return withoutNuls(text);
        }
        if (value instanceof String[] texts) {
            return Arrays.stream(texts).map(ExifValues::withoutNuls).toList();
        }
        if (value instanceof Number number) {
            return number(number, type);
        }
        if (value instanceof byte[] bytes && bytes.length > MAX_BYTES) {
            return OMITTED;
        }
        if (value.getClass().isArray() && Array.getLength(value) <= MAX_VALUES) {
            return numbers(value, type);
        }
        // Also what TIFFReader stores (an exception) for a value lying outside the block.
        return OMITTED;
    }

    private static Object numbers(Object array, short type) {
        int length = Array.getLength(array);
        List<Object> list = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            if (!(Array.get(array, i) instanceof Number number)) {
                return OMITTED;
            }
            list.add(number(number, type));
        }
        return list;
    }

    private static Object number(Number number, short type) {
        if (number instanceof Rational || number instanceof Float || number instanceof Double) {
            double value = number.doubleValue();
            return Double.isFinite(value) ? value : null;
        }
        if (number instanceof Byte b) {
            return type == TIFF.TYPE_SBYTE ? (int) b : b & 0xFF;
        }
        if (number instanceof Short s) {
            return type == TIFF.TYPE_SSHORT ? (int) s : s & 0xFFFF;
        }
        return number; // Integer or Long, already the right sign
    }

    // Pillow drops one trailing NUL; cameras pad fixed-size fields with many.
    private static String withoutNuls(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '\0') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '\0') {
            end--;
        }
        return text.substring(start, end);
    }
}
