package org.lightlyjava.image;

/**
 * Computes Lightly's per-sample statistics of a decoded image (Lightly's {@code metaData}
 * definitions, from {@code lightly/api/utils.py} up to v1.1.7), with {@code np_img = pixels / 255}:
 *
 * <ul>
 *   <li>{@code mean}, {@code std}: per channel, of {@code np_img}; population std ({@code ddof=0});
 *   <li>{@code sumOfValues}, {@code sumOfSquares}: per channel sums of {@code np_img} and {@code
 *       np_img ** 2};
 *   <li>{@code snr}: mean / std of all raw 0-255 values of all channels together, 0 when the std is
 *       0;
 *   <li>{@code sharpness}: see {@link Sharpness}, Pillow's Laplacian filter reproduced exactly.
 * </ul>
 *
 * <p>Sums are exact (integer histograms), so results match numpy to about 1e-12 relative. One pass
 * over the bytes for the histograms and one for grey and filter. Pure and thread-safe.
 */
public final class ImageMetrics {

    private ImageMetrics() {}

    public static SampleMetrics compute(RgbImage image) {
        Histogram[] channels = channelHistograms(image.pixels());
        double[] mean = new double[3];
        double[] std = new double[3];
        double[] sumOfValues = new double[3];
        double[] sumOfSquares = new double[3];
        for (int c = 0; c < 3; c++) {
            mean[c] = channels[c].mean() / 255.0;
            std[c] = channels[c].std() / 255.0;
            sumOfValues[c] = channels[c].sum() / 255.0;
            sumOfSquares[c] = channels[c].sumOfSquares() / (255.0 * 255.0);
        }
        Histogram all = Histogram.merge(channels);
        double allStd = all.std();
        double snr = allStd == 0 ? 0 : all.mean() / allStd;
        return new SampleMetrics(
                mean,
                std,
                snr,
                Sharpness.of(image),
                image.width(),
                image.height(),
                sumOfValues,
                sumOfSquares);
    }

    private static Histogram[] channelHistograms(byte[] rgb) {
        int[] counts = new int[3 * 256]; // red, then green, then blue
        for (int i = 0; i < rgb.length; i += 3) {
            counts[rgb[i] & 0xFF]++;
            counts[256 + (rgb[i + 1] & 0xFF)]++;
            counts[512 + (rgb[i + 2] & 0xFF)]++;
        }
        return new Histogram[] {
            Histogram.of(counts, 0), Histogram.of(counts, 256), Histogram.of(counts, 512)
        };
    }
}
