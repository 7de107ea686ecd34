package org.lightlyjava.image;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lightly's per-sample image statistics (see {@link ImageMetrics#compute}). Channel arrays hold
 * red, green and blue, on pixel values scaled to 0-1; {@code snr} and {@code sharpness} are on the
 * raw 0-255 values, as Lightly computes them.
 */
public record SampleMetrics(
        double[] mean,
        double[] std,
        double snr,
        double sharpness,
        int width,
        int height,
        double[] sumOfValues,
        double[] sumOfSquares) {

    /**
     * The {@code metaData} object Lightly uploads for a readable sample, keys in Lightly's order:
     * {@code sharpness, sizeInBytes, snr, mean, shape ([height, width, 3]), std, sumOfSquares,
     * sumOfValues, is_corrupted (false), corruption ("")}. The map is new and mutable, for the
     * caller to add to.
     *
     * @param sizeInBytes the size of the original file
     */
    public Map<String, Object> toMetaData(long sizeInBytes) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("sharpness", sharpness);
        meta.put("sizeInBytes", sizeInBytes);
        meta.put("snr", snr);
        meta.put("mean", list(mean));
        meta.put("shape", List.of(height, width, 3));
        meta.put("std", list(std));
        meta.put("sumOfSquares", list(sumOfSquares));
        meta.put("sumOfValues", list(sumOfValues));
        meta.put("is_corrupted", false);
        meta.put("corruption", "");
        return meta;
    }

    /**
     * The {@code metaData} object Lightly uploads for a sample it could not read: only {@code
     * is_corrupted} (true) and {@code corruption} (the reason). Mutable, like {@link #toMetaData}.
     */
    public static Map<String, Object> corrupted(String reason) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("is_corrupted", true);
        meta.put("corruption", reason);
        return meta;
    }

    private static List<Double> list(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
