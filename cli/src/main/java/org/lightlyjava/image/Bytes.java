package org.lightlyjava.image;

import java.nio.charset.StandardCharsets;

/** Reading fields of binary file headers: signatures and unsigned integers. */
final class Bytes {

    private Bytes() {}

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Whether {@code b} holds {@code prefix} at {@code at}; false when it is too short. */
    static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (at < 0 || at + prefix.length > b.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static int u16be(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    static long u32be(byte[] b, int at) {
        return (long) u16be(b, at) << 16 | u16be(b, at + 2);
    }

    static long u32le(byte[] b, int at) {
        return (b[at] & 0xFFL)
                | (b[at + 1] & 0xFFL) << 8
                | (b[at + 2] & 0xFFL) << 16
                | (b[at + 3] & 0xFFL) << 24;
    }
}
