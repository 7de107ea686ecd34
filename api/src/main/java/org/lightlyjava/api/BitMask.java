package org.lightlyjava.api;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Lightly's tag bitmasks (reference §11): a lowercase hex string with {@code 0x} prefix, as
 * Python's {@code hex(int)} writes it; bit {@code i} (least significant first) selects the sample
 * with index {@code i} in the dataset's creation order. Ten samples with 0, 3, 4, 6 selected is
 * {@code 0x59}; all of n samples is {@code hex(2**n - 1)}; none is {@code 0x0}.
 *
 * <p>Hex and bits convert 16 digits to one {@code long} word at a time, so a mask of a million
 * samples (250,000 digits) is parsed and printed in one pass without big-number arithmetic.
 */
public final class BitMask {

    private static final int DIGITS_PER_WORD = 16;
    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

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
        if (hex == null || hex.length() < 3 || !hex.startsWith("0x")) {
            throw notHex(hex);
        }
        int digits = hex.length() - 2;
        long[] words = new long[(digits + DIGITS_PER_WORD - 1) / DIGITS_PER_WORD];
        int end = hex.length();
        for (int w = 0; w < words.length; w++) {
            int start = Math.max(2, end - DIGITS_PER_WORD);
            long word = 0;
            for (int i = start; i < end; i++) {
                int digit = digit(hex.charAt(i));
                if (digit < 0) {
                    throw notHex(hex);
                }
                word = word << 4 | digit;
            }
            words[w] = word;
            end = start;
        }
        return new BitMask(BitSet.valueOf(words));
    }

    /** An ASCII hex digit's value, else -1 (no other scripts' digits, unlike Character.digit). */
    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static IllegalArgumentException notHex(String hex) {
        String shown = hex == null || hex.length() <= 40 ? hex : hex.substring(0, 40) + "...";
        return new IllegalArgumentException("not a bitmask (0x followed by hex digits): " + shown);
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
        long[] words = bits.toLongArray();
        if (words.length == 0) {
            return "0x0";
        }
        int top = words.length - 1;
        int topDigits = (64 - Long.numberOfLeadingZeros(words[top]) + 3) / 4;
        char[] out = new char[2 + topDigits + top * DIGITS_PER_WORD];
        out[0] = '0';
        out[1] = 'x';
        int end = out.length;
        for (int w = 0; w <= top; w++) {
            long word = words[w];
            int digits = w == top ? topDigits : DIGITS_PER_WORD;
            for (int i = 1; i <= digits; i++) {
                out[end - i] = HEX_DIGITS[(int) (word & 0xf)];
                word >>>= 4;
            }
            end -= digits;
        }
        return new String(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitMask other && bits.equals(other.bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode();
    }
}
