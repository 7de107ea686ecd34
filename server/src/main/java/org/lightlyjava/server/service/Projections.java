package org.lightlyjava.server.service;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/** 2D coordinates as a file: the count, then the first axis, then the second (doubles). */
final class Projections {

    private Projections() {}

    static void write(Path file, double[][] coordinates) throws IOException {
        int n = coordinates[0].length;
        try (DataOutputStream out =
                new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(n);
            for (double[] axis : coordinates) {
                for (double value : axis) {
                    out.writeDouble(value);
                }
            }
        }
    }

    /**
     * {@code [axis][sample]}, each axis a list over a {@code double[]} (boxed one value at a time
     * as it is read, so a million samples take 16 MB, not 2 million objects).
     */
    static List<List<Double>> read(Path file) throws IOException {
        try (DataInputStream in =
                new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int n = in.readInt();
            List<List<Double>> axes = new ArrayList<>(2);
            for (int axis = 0; axis < 2; axis++) {
                double[] values = new double[n];
                for (int i = 0; i < n; i++) {
                    values[i] = in.readDouble();
                }
                axes.add(new Values(values));
            }
            return axes;
        }
    }

    /** An unmodifiable list view of an array. */
    private static final class Values extends AbstractList<Double> implements RandomAccess {

        private final double[] values;

        Values(double[] values) {
            this.values = values;
        }

        @Override
        public Double get(int index) {
            return values[index];
        }

        @Override
        public int size() {
            return values.length;
        }
    }
}
