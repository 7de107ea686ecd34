package org.lightlyjava.server.service;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileChannel.MapMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Moves the rows of a CSV file as bytes, never as parsed values: Lightly hands back the embeddings
 * file it was given, so {@code 0.12345678901234567} and {@code 0.4000} stay as written. Lines end
 * at {@code \n}, {@code \r\n} or {@code \r}, as {@link java.io.BufferedReader#readLine()} splits
 * them (UTF-8 never holds these bytes inside a character, so bytes and characters agree).
 *
 * <p>Memory is one {@code long} per line (where it starts) and the longest line.
 */
final class CsvRows {

    private static final int BUFFER = 1 << 16;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LF = {'\n'};
    private static final byte[] CR = {'\r'};
    private static final byte[] NONE = {};

    private final long[] starts;
    private final int lines;

    private CsvRows(long[] starts, int lines) {
        this.starts = starts;
        this.lines = lines;
    }

    /**
     * Finds where each line starts.
     *
     * @param expected how many lines the file has (a checked file: header plus rows)
     * @throws IOException when it has another number of lines
     */
    static CsvRows index(Path file, int expected) throws IOException {
        long[] starts = new long[expected + 1];
        int lines = 0;
        long offset = 0;
        boolean lineOpen = false;
        boolean afterCr = false;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++, offset++) {
                    byte b = buffer[i];
                    if (afterCr && b == '\n') {
                        afterCr = false;
                        continue;
                    }
                    afterCr = b == '\r';
                    if (!lineOpen) {
                        if (lines == expected) {
                            throw new IOException(file + " has more than " + expected + " lines");
                        }
                        starts[lines++] = offset;
                        lineOpen = true;
                    }
                    if (b == '\n' || b == '\r') {
                        lineOpen = false;
                    }
                }
            }
        }
        if (lines != expected) {
            throw new IOException(file + " has " + lines + " lines, expected " + expected);
        }
        starts[lines] = offset;
        return new CsvRows(starts, lines);
    }

    /**
     * Writes the header, then row {@code order[i]} (0: the first row after the header) as the
     * {@code i}-th row. Rows in their own order give a byte-for-byte copy; moved rows end with the
     * header's line break, and the file ends with one when the original did.
     */
    void writeInOrder(Path source, int[] order, Path target) throws IOException {
        if (order.length != lines - 1) {
            throw new IllegalArgumentException(order.length + " rows for " + (lines - 1));
        }
        if (inOrder(order)) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (FileChannel channel = FileChannel.open(source, StandardOpenOption.READ);
                OutputStream out =
                        new BufferedOutputStream(Files.newOutputStream(target), BUFFER)) {
            Lines in = new Lines(channel);
            int headerLength = in.read(0);
            out.write(in.line, 0, headerLength);
            byte[] lineBreak = lineBreak(in.line, headerLength);
            int lastLength = in.read(lines - 1);
            boolean endsWithBreak = lineBreak(in.line, lastLength).length > 0;
            for (int i = 0; i < order.length; i++) {
                int length = in.read(order[i] + 1);
                out.write(in.line, 0, length - lineBreak(in.line, length).length);
                if (i < order.length - 1 || endsWithBreak) {
                    out.write(lineBreak);
                }
            }
        }
    }

    /**
     * Reads lines by number: from a memory map when the file fits one (no system call per row, as
     * rows come in random order), else by positional reads. {@link #line} holds the last one.
     */
    private final class Lines {

        private final FileChannel channel;
        private final MappedByteBuffer map;
        byte[] line = new byte[256];

        Lines(FileChannel channel) throws IOException {
            this.channel = channel;
            long size = channel.size();
            this.map = size <= Integer.MAX_VALUE ? channel.map(MapMode.READ_ONLY, 0, size) : null;
        }

        /** Line {@code k} with its line break into {@link #line}; returns its length. */
        int read(int k) throws IOException {
            int length = Math.toIntExact(starts[k + 1] - starts[k]);
            if (line.length < length) {
                line = new byte[Math.max(length, line.length * 2)];
            }
            if (map != null) {
                map.get(Math.toIntExact(starts[k]), line, 0, length);
                return length;
            }
            ByteBuffer buffer = ByteBuffer.wrap(line, 0, length);
            long position = starts[k];
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position);
                if (n < 0) {
                    throw new IOException("the file changed while its rows were moved");
                }
                position += n;
            }
            return length;
        }
    }

    private static boolean inOrder(int[] order) {
        for (int i = 0; i < order.length; i++) {
            if (order[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** The line break a line ends with; empty for the last line of a file without one. */
    private static byte[] lineBreak(byte[] line, int n) {
        if (n >= 2 && line[n - 2] == '\r' && line[n - 1] == '\n') {
            return CRLF;
        }
        if (n >= 1 && line[n - 1] == '\n') {
            return LF;
        }
        if (n >= 1 && line[n - 1] == '\r') {
            return CR;
        }
        return NONE;
    }
}
