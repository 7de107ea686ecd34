package org.lightlyjava.augment;

/**
 * PIL's {@code ImageFilter.GaussianBlur(radius)} (Pillow 9.x libImaging/BoxBlur.c), in place: three
 * passes of an "extended" box blur (integer radius plus a fractional weight for the two outermost
 * pixels) along rows, then three along columns, edges extended. Lightly v1.2.47 blurs with {@code
 * radius = sigma}, so this reproduces its views byte for byte. Fixed-point arithmetic wraps like
 * C's {@code UINT32}.
 */
final class GaussianBlur {

    private static final int PASSES = 3;

    private GaussianBlur() {}

    /**
     * Blurs the {@code width x height} RGB buffer {@code px} with PIL's Gaussian of {@code radius}.
     */
    static void blur(byte[] px, int width, int height, double radius) {
        float box = boxRadius((float) radius);
        int r = (int) box;
        // PIL: UINT32 ww = (UINT32)(1 << 24) / (floatRadius * 2 + 1), computed in float
        int ww = (int) (16777216f / (box * 2 + 1));
        int fw = ((1 << 24) - (r * 2 + 1) * ww) >>> 1;
        int n = Math.max(width, height);
        int[] a = new int[n];
        int[] b = new int[n];
        for (int y = 0; y < height; y++) {
            for (int c = 0; c < 3; c++) {
                blurLine(px, (y * width) * 3 + c, 3, width, r, ww, fw, a, b);
            }
        }
        for (int x = 0; x < width; x++) {
            for (int c = 0; c < 3; c++) {
                blurLine(px, x * 3 + c, width * 3, height, r, ww, fw, a, b);
            }
        }
    }

    /**
     * Box radius equivalent to a Gaussian of {@code radius} over three passes (float32, as PIL).
     */
    static float boxRadius(float radius) {
        float sigma2 = radius * radius / PASSES;
        float bigL = (float) Math.sqrt(12.0 * sigma2 + 1.0);
        float l = (float) Math.floor((bigL - 1.0) / 2.0);
        float a = (2 * l + 1) * (l * (l + 1) - 3 * sigma2);
        a /= 6 * (sigma2 - (l + 1) * (l + 1));
        return l + a;
    }

    // Loads one channel of a row or column, runs the passes, stores it back.
    private static void blurLine(
            byte[] px, int start, int step, int len, int r, int ww, int fw, int[] a, int[] b) {
        for (int i = 0, p = start; i < len; i++, p += step) {
            a[i] = px[p] & 0xff;
        }
        int[] in = a;
        int[] out = b;
        for (int pass = 0; pass < PASSES; pass++) {
            boxLine(in, out, len, r, ww, fw);
            int[] t = in;
            in = out;
            out = t;
        }
        for (int i = 0, p = start; i < len; i++, p += step) {
            px[p] = (byte) in[i];
        }
    }

    // ImagingLineBoxBlur8 for one channel: a running sum acc of 2r+1 pixels plus the two
    // fractional neighbours, with the first/last pixel repeated beyond the edges.
    private static void boxLine(int[] in, int[] out, int len, int r, int ww, int fw) {
        int last = len - 1;
        int edgeA = Math.min(r + 1, len);
        int edgeB = Math.max(len - r - 1, 0);
        int acc = in[0] * (r + 1);
        for (int x = 0; x < edgeA - 1; x++) {
            acc += in[x];
        }
        acc += in[last] * (r - edgeA + 1);
        int lo = Math.min(edgeA, edgeB);
        int hi = Math.max(edgeA, edgeB);
        for (int x = 0; x < lo; x++) {
            acc += in[x + r] - in[0];
            out[x] = save(acc * ww + (in[0] + in[x + r + 1]) * fw);
        }
        for (int x = lo; x < hi; x++) {
            int left = edgeA <= edgeB ? in[x - r - 1] : in[0];
            int right = edgeA <= edgeB ? in[x + r] : in[last];
            int far = edgeA <= edgeB ? in[x + r + 1] : in[last];
            acc += right - left;
            out[x] = save(acc * ww + (left + far) * fw);
        }
        for (int x = hi; x <= last; x++) {
            acc += in[last] - in[x - r - 1];
            out[x] = save(acc * ww + (in[x - r - 1] + in[last]) * fw);
        }
    }

    // (bulk + (1 << 23)) >> 24 on a UINT32, then the low byte.
    private static int save(int bulk) {
        return ((bulk + (1 << 23)) >>> 24) & 0xff;
    }
}
