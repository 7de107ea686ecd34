package org.lightlyjava.server.service;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * A scratch file of fixed-width records, each {@code dimension} floats and an int label, for rows
 * too many to hold as objects: written in one pass, read back by record number. Reads in ascending
 * order go through a large buffer; others read just their record.
 */
final class FloatRecords {

    private static final int BUFFER = 1 << 18;

    private FloatRecords() {}

    static Writer writer(Path file, int dimension) throws IOException {
        return new Writer(file, dimension);
    }

    static Reader reader(Path file, int dimension) throws IOException {
        return new Reader(file, dimension);
    }

    /** Appends records. */
    static final class Writer implements Closeable {

        private final FileChannel channel;
        private final ByteBuffer buffer;
        private final int dimension;
        private int count;

        private Writer(Path file, int dimension) throws IOException {
            this.channel =
                    FileChannel.open(
                            file,
                            StandardOpenOption.WRITE,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING);
            this.dimension = dimension;
            this.buffer =
                    ByteBuffer.allocate(Math.max(BUFFER, recordBytes(dimension)))
                            .order(ByteOrder.LITTLE_ENDIAN);
        }

        void write(float[] values, int label) throws IOException {
            if (buffer.remaining() < recordBytes(dimension)) {
                flush();
            }
            for (int d = 0; d < dimension; d++) {
                buffer.putFloat(values[d]);
            }
            buffer.putInt(label);
            count++;
        }

        int count() {
            return count;
        }

        private void flush() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }

        @Override
        public void close() throws IOException {
            try {
                flush();
            } finally {
                channel.close();
            }
        }
    }

    /** Reads records by number into one reused array. */
    static final class Reader implements Closeable {

        private final FileChannel channel;
        private final ByteBuffer buffer;
        private final int dimension;
        private final int recordBytes;
        private final float[] values;
        private long first = -1;
        private int held;
        private int label;

        private Reader(Path file, int dimension) throws IOException {
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
            this.dimension = dimension;
            this.recordBytes = recordBytes(dimension);
            this.buffer =
                    ByteBuffer.allocate(Math.max(BUFFER, recordBytes))
                            .order(ByteOrder.LITTLE_ENDIAN);
            this.values = new float[dimension];
        }

        /**
         * Record {@code index}'s floats, valid until the next call; its label in {@link #label}.
         */
        float[] read(long index) throws IOException {
            if (first < 0 || index < first || index >= first + held) {
                boolean ascending = first >= 0 && index == first + held;
                fill(index, ascending ? buffer.capacity() / recordBytes : 1);
            }
            buffer.position(Math.toIntExact((index - first) * recordBytes));
            for (int d = 0; d < dimension; d++) {
                values[d] = buffer.getFloat();
            }
            label = buffer.getInt();
            return values;
        }

        int label() {
            return label;
        }

        /** Reads records {@code 0..count-1} in order. */
        void forEach(long count, Consumer<float[]> visitor) throws IOException {
            for (long i = 0; i < count; i++) {
                visitor.accept(read(i));
            }
        }

        private void fill(long index, int records) throws IOException {
            buffer.clear();
            buffer.limit(records * recordBytes);
            long position = index * recordBytes;
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position + buffer.position());
                if (n < 0) {
                    break;
                }
            }
            held = buffer.position() / recordBytes;
            if (held == 0) {
                throw new IOException("record " + index + " is past the end of the scratch file");
            }
            first = index;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private static int recordBytes(int dimension) {
        return Math.multiplyExact(dimension + 1, Float.BYTES);
    }
}
