package org.lightlyjava.image;

/**
 * Lightly's {@code sharpness}: the population standard deviation of the greyscale picture after a
 * 3x3 Laplacian, {@code np.std(img.convert("L").filter(Kernel((3, 3), (-1, -1, -1, -1, 8, -1, -1,
 * -1, -1), 1, 0)))}, reproducing Pillow exactly:
 *
 * <ul>
 *   <li>grey is {@code (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16} ({@code convert("L")});
 *   <li>each filtered value is rounded and clipped to 0-255 (8-bit output);
 *   <li>the first and last row and column keep their grey value (Pillow's {@code Filter.c} copies
 *       them), and a picture narrower or lower than 3 pixels is not filtered at all.
 * </ul>
 */
final class Sharpness {

    private Sharpness() {}

    static double of(RgbImage image) {
        int w = image.width();
        int h = image.height();
        int[] counts = new int[256];
        int[] above = grey(image, 0, new int[w]);
        if (w < 3 || h < 3) {
            for (int y = 0; y < h; y++) {
                count(counts, grey(image, y, above));
            }
            return Histogram.of(counts, 0).std();
        }
        count(counts, above);
        int[] row = grey(image, 1, new int[w]);
        int[] below = new int[w];
        int[] columns = new int[w];
        for (int y = 1; y < h - 1; y++) {
            grey(image, y + 1, below);
            filterRow(above, row, below, columns, counts);
            int[] free = above;
            above = row;
            row = below;
            below = free;
        }
        count(counts, row);
        return Histogram.of(counts, 0).std();
    }

    // The kernel is 9 * centre - (sum of the 3x3 block); the block sums come from column sums.
    private static void filterRow(
            int[] above, int[] row, int[] below, int[] columns, int[] counts) {
        int w = row.length;
        for (int x = 0; x < w; x++) {
            columns[x] = above[x] + row[x] + below[x];
        }
        counts[row[0]]++;
        for (int x = 1; x < w - 1; x++) {
            int laplace = 9 * row[x] - (columns[x - 1] + columns[x] + columns[x + 1]);
            counts[Math.min(255, Math.max(0, laplace))]++;
        }
        counts[row[w - 1]]++;
    }

    private static int[] grey(RgbImage image, int y, int[] out) {
        byte[] p = image.pixels();
        int i = y * image.width() * 3;
        for (int x = 0; x < out.length; x++, i += 3) {
            int r = p[i] & 0xFF;
            int g = p[i + 1] & 0xFF;
            int b = p[i + 2] & 0xFF;
            out[x] = (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
        }
        return out;
    }

    private static void count(int[] counts, int[] values) {
        for (int v : values) {
            counts[v]++;
        }
    }
}
