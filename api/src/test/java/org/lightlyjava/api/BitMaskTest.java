package org.lightlyjava.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BitMaskTest {

    @Test
    void lightlysExamples() {
        assertThat(BitMask.of(0, 3, 4, 6).toString()).isEqualTo("0x59");
        assertThat(BitMask.all(10).toString()).isEqualTo("0x3ff");
        assertThat(BitMask.of().toString()).isEqualTo("0x0");
        assertThat(BitMask.parse("0x59").indices()).containsExactly(0, 3, 4, 6);
        assertThat(BitMask.parse("0x0").count()).isZero();
    }

    @Test
    void allOfManySamples_isHexOfTwoToTheNMinusOne() {
        int n = 100_003;
        String expected = "0x" + BigInteger.TWO.pow(n).subtract(BigInteger.ONE).toString(16);
        assertThat(BitMask.all(n).toString()).isEqualTo(expected);
        assertThat(BitMask.parse(expected).count()).isEqualTo(n);
    }

    @Test
    void roundTrip_keepsEveryBit() {
        BitMask mask = BitMask.of(1, 7, 8, 63, 64, 1000);
        assertThat(BitMask.parse(mask.toString())).isEqualTo(mask);
        assertThat(BitMask.parse(mask.toString().toUpperCase().replace("0X", "0x")))
                .isEqualTo(mask);
    }

    @Test
    void arithmetic_unionIntersectionDifference() {
        BitMask a = BitMask.of(0, 1, 2, 5);
        BitMask b = BitMask.of(2, 3, 5);
        assertThat(a.union(b).indices()).containsExactly(0, 1, 2, 3, 5);
        assertThat(a.intersection(b).indices()).containsExactly(2, 5);
        assertThat(a.difference(b).indices()).containsExactly(0, 1);
        assertThat(a.difference(a).toString()).isEqualTo("0x0");
    }

    @Test
    void bitSets_convertBothWays_lengthIsHighestIndexPlusOne() {
        BitSet bits = new BitSet();
        bits.set(1);
        bits.set(4);
        BitMask mask = BitMask.of(bits);
        bits.set(9); // the mask keeps its own copy
        assertThat(mask.toString()).isEqualTo("0x12");
        assertThat(mask.length()).isEqualTo(5);
        assertThat(mask.count()).isEqualTo(2);
        assertThat(mask.toBitSet().stream()).containsExactly(1, 4);
        assertThat(BitMask.parse("0x100").length()).isEqualTo(9);
        assertThat(BitMask.all(0).length()).isZero();
    }

    @Test
    void parse_refusesNonHex() {
        assertThatThrownBy(() -> BitMask.parse("59")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BitMask.parse("0xzz"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BitMask.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomMasks_matchPythonsHexOfTheInteger() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(700);
            BitSet bits = new BitSet();
            BigInteger value = BigInteger.ZERO;
            for (int i = 0; i < n; i++) {
                if (random.nextInt(3) == 0) {
                    bits.set(i);
                    value = value.setBit(i);
                }
            }
            String hex = "0x" + value.toString(16);
            assertThat(BitMask.of(bits).toString()).isEqualTo(hex);
            assertThat(BitMask.parse(hex).toBitSet()).isEqualTo(bits);
        }
    }

    @Test
    void parse_acceptsLeadingZerosAndWordBoundaries() {
        assertThat(BitMask.parse("0x000000000000000000000001").indices()).containsExactly(0);
        assertThat(BitMask.parse("0x10000000000000000").indices()).containsExactly(64);
        assertThat(BitMask.parse("0xffffffffffffffff").count()).isEqualTo(64);
        assertThat(BitMask.of(63).toString()).isEqualTo("0x8000000000000000");
        assertThat(BitMask.of(64).toString()).isEqualTo("0x10000000000000000");
    }

    @Test
    void parse_refusesDigitsOfOtherScriptsAndAnEmptyNumber() {
        // Character.digit accepts these; Lightly's pattern ^0x[a-f0-9]+$ does not
        assertThatThrownBy(() -> BitMask.parse("0x\u0663"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BitMask.parse("0x\uFF11"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BitMask.parse("0x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BitMask.parse("0x1 "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void millionSampleMask_parsesAndPrintsWithoutBigNumberGarbage() {
        BitSet bits = new BitSet();
        for (int i = 0; i < 1_000_000; i += 3) {
            bits.set(i);
        }
        String hex = BitMask.of(bits).toString();
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        BitMask parsed = BitMask.parse(hex);
        String printed = parsed.union(parsed).toString();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(printed).isEqualTo(hex);
        assertThat(parsed.count()).isEqualTo(333_334);
        // the words (125 KB, a few copies) and the text (250 KB, twice while printing)
        assertThat(allocated).isLessThan(2_000_000);
    }
}
