package org.lightlyjava.server.service;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A dataset's file names in creation order, packed for a million samples: the names' UTF-8 bytes in
 * one array, where each starts, and an open-addressing table from name to index (about 12 bytes per
 * sample beside the names, against some 120 for a {@code HashMap<String, Integer>}). Lookups
 * compare bytes, so they are exact.
 */
final class NameIndex {

    private byte[] bytes = new byte[1 << 16];
    private int used;
    private int[] starts = new int[1 << 10];
    private int size;
    private int[] slots = new int[0];

    private NameIndex() {}

    /** The names {@code source} hands over, in that order; their indices count from 0. */
    static NameIndex of(Consumer<Consumer<String>> source) {
        NameIndex index = new NameIndex();
        source.accept(index::append);
        index.buildTable();
        return index;
    }

    int size() {
        return size;
    }

    String name(int index) {
        int from = starts[index];
        return new String(bytes, from, end(index) - from, StandardCharsets.UTF_8);
    }

    /** The index of {@code name}, or -1 (the first when a name was given twice). */
    int indexOf(String name) {
        if (size == 0) {
            return -1;
        }
        byte[] key = name.getBytes(StandardCharsets.UTF_8);
        int mask = slots.length - 1;
        for (int slot = hash(key, 0, key.length) & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            int index = entry - 1;
            int from = starts[index];
            if (Arrays.equals(bytes, from, end(index), key, 0, key.length)) {
                return index;
            }
        }
    }

    private void append(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        if (used + utf8.length > bytes.length) {
            long grown = Math.max((long) bytes.length * 2, (long) used + utf8.length);
            bytes = Arrays.copyOf(bytes, Math.toIntExact(Math.min(grown, Integer.MAX_VALUE - 8)));
        }
        if (size + 1 >= starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
        }
        starts[size++] = used;
        System.arraycopy(utf8, 0, bytes, used, utf8.length);
        used += utf8.length;
        starts[size] = used;
    }

    private int end(int index) {
        return starts[index + 1];
    }

    private void buildTable() {
        slots = new int[Integer.highestOneBit(Math.max(1, size) * 2 - 1) << 1];
        int mask = slots.length - 1;
        for (int index = 0; index < size; index++) {
            int from = starts[index];
            int slot = hash(bytes, from, end(index)) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = index + 1;
        }
    }

    private static int hash(byte[] data, int from, int to) {
        int h = 0x9747b28c;
        for (int i = from; i < to; i++) {
            h = (h ^ data[i]) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }
}
