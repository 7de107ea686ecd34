package org.lightlyjava.api;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Lightly's tag bitmasks (reference §11): a lowercase hex string with {@code 0x} prefix, as
 * Python's {@code hex(int)} writes it; bit {@code i} (least significant first) selects the sample
 * with index {@code i} in the dataset's creation order. Ten samples with 0, 3, 4, 6 selected is
 * {@code 0x59}; all of n samples is {@code hex(2**n - 1)}; none is {@code 0x0}.
 */
public final class BitMask {

    private static final Pattern HEX = Pattern.compile("^0x[0-9a-fA-F]+$");

    private final BitSet bits;

    private BitMask(BitSet bits) {
        this.bits = bits;
    }

    /**
     * Parses {@code 0x...}.
     *
     * @throws IllegalArgumentException when the text is not a {@code 0x} hex number
     */
    public static BitMask parse(String hex) {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a bitmask (0x followed by hex digits): " + hex);
        }
        return new BitMask(
                BitSet.valueOf(reverse(new BigInteger(hex.substring(2), 16).toByteArray())));
    }

    /** The first {@code n} samples. */
    public static BitMask all(int n) {
        BitSet bits = new BitSet(n);
        bits.set(0, n);
        return new BitMask(bits);
    }

    public static BitMask of(int... indices) {
        BitSet bits = new BitSet();
        for (int index : indices) {
            bits.set(index);
        }
        return new BitMask(bits);
    }

    public static BitMask of(BitSet bits) {
        return new BitMask((BitSet) bits.clone());
    }

    public boolean get(int index) {
        return bits.get(index);
    }

    /** Number of selected samples. */
    public int count() {
        return bits.cardinality();
    }

    /** Selected indices, ascending. */
    public List<Integer> indices() {
        List<Integer> out = new ArrayList<>(bits.cardinality());
        bits.stream().forEach(out::add);
        return out;
    }

    /** The highest selected index plus one (0 when empty). */
    public int length() {
        return bits.length();
    }

    public BitMask union(BitMask other) {
        BitSet out = (BitSet) bits.clone();
        out.or(other.bits);
        return new BitMask(out);
    }

    public BitMask intersection(BitMask other) {
        BitSet out = (BitSet) bits.clone();
        out.and(other.bits);
        return new BitMask(out);
    }

    /** This mask without the samples of {@code other}: Lightly's {@code DIFFERENCE}. */
    public BitMask difference(BitMask other) {
        BitSet out = (BitSet) bits.clone();
        out.andNot(other.bits);
        return new BitMask(out);
    }

    /** A copy as a {@link BitSet}. */
    public BitSet toBitSet() {
        return (BitSet) bits.clone();
    }

    /** {@code 0x...} as Python's {@code hex()} writes it. */
    @Override
    public String toString() {
        if (bits.isEmpty()) {
            return "0x0";
        }
        return "0x"
                + new BigInteger(1, reverse(bits.toByteArray()))
                        .toString(16)
                        .toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitMask other && bits.equals(other.bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode();
    }

    // BigInteger is big-endian, BitSet little-endian.
    private static byte[] reverse(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }
}
