package org.lightlyjava.image;

import java.util.Arrays;

/**
 * Resizing that gives the same bytes as PIL's {@code Image.resize(size, BILINEAR)} or {@code
 * BICUBIC} (Pillow 9.x, {@code libImaging/Resample.c}), plus the {@code ToTensor + Normalize} step
 * of torchvision.
 *
 * <p>Lightly's embed transform is torchvision {@code Resize((s, s))} on a PIL image, and its
 * training crop is {@code F.resized_crop}; both end in PIL's resampler. Matching it byte for byte
 * keeps our embeddings interchangeable with Lightly's. Like PIL, the filter support grows with the
 * reduction factor (antialiasing), coefficients are normalised per output pixel and turned into
 * fixed-point integers, and the image is resampled horizontally, then vertically, each pass
 * rounding and clipping to 8 bits.
 *
 * <p>All methods are pure and thread-safe. Inputs are never modified, and every result is a new
 * image whose pixels the caller may change.
 */
public final class Resizer {

    /** ImageNet channel means (red, green, blue), as Lightly normalises. */
    public static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};

    /** ImageNet channel standard deviations (red, green, blue). */
    public static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

    // PIL: 32 bits minus 8 for the pixel value minus 2 for headroom (Resample.c PRECISION_BITS).
    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final double ONE = 1 << PRECISION_BITS;
    private static final int HALF = 1 << (PRECISION_BITS - 1);

    /** PIL's resampling filters that the tools use. */
    public enum Filter {
        /** The triangle filter, support 1: Lightly's and torchvision's default. */
        BILINEAR(1.0),
        /** Keys' cubic with {@code a = -0.5}, support 2: what DINOv2 and CLIP preprocess with. */
        BICUBIC(2.0);

        final double support;

        Filter(double support) {
            this.support = support;
        }

        double weight(double x) {
            double a = x < 0.0 ? -x : x;
            if (this == BILINEAR) {
                return a < 1.0 ? 1.0 - a : 0.0;
            }
            if (a < 1.0) {
                return (1.5 * a - 2.5) * a * a + 1.0; // ((A + 2) x - (A + 3)) x^2 + 1, A = -0.5
            }
            return a < 2.0 ? (((a - 5) * a + 8) * a - 4) * -0.5 : 0.0;
        }
    }

    private Resizer() {}

    /**
     * Resizes {@code src} to exactly {@code width x height} (aspect ratio not kept), as PIL's
     * {@code img.resize((width, height), Image.BILINEAR)} does.
     */
    public static RgbImage resize(RgbImage src, int width, int height) {
        return resize(src, width, height, Filter.BILINEAR);
    }

    /** Resizes {@code src} to exactly {@code width x height} with {@code filter}, as PIL does. */
    public static RgbImage resize(RgbImage src, int width, int height, Filter filter) {
        checkSize(width, height);
        Region whole = new Region(src.pixels(), src.width(), 0, 0, src.width(), src.height());
        return resample(whole, 0f, 0f, src.width(), src.height(), width, height, filter);
    }

    /**
     * torchvision's {@code CenterCrop(size)} on a PIL image: the middle {@code width x height},
     * placed as torchvision places it (offsets rounded half to even); where the image is smaller,
     * the rest is black, as its padding makes it.
     */
    public static RgbImage centerCrop(RgbImage src, int width, int height) {
        checkSize(width, height);
        int top = cropOffset(src.height(), height);
        int left = cropOffset(src.width(), width);
        if (left == 0 && top == 0 && width == src.width() && height == src.height()) {
            return src;
        }
        return paddedCrop(src, top, left, height, width);
    }

    private static int cropOffset(int size, int crop) {
        return crop > size ? -((crop - size) / 2) : (int) Math.rint((size - crop) / 2.0);
    }

    /**
     * Crops the rectangle at {@code (left, top)} of size {@code cropWidth x cropHeight} and resizes
     * it to {@code width x height}: torchvision 0.14 {@code F.resized_crop} for PIL input, which is
     * {@code img.crop(box).resize(size, BILINEAR)}. The filter never reads pixels outside the crop
     * (unlike PIL's {@code box} argument); crop areas outside the image read as black, as PIL's
     * crop does.
     */
    public static RgbImage resizedCrop(
            RgbImage src, int top, int left, int cropHeight, int cropWidth, int width, int height) {
        checkSize(cropWidth, cropHeight);
        if (left < 0
                || top < 0
                || left + cropWidth > src.width()
                || top + cropHeight > src.height()) {
            RgbImage crop = paddedCrop(src, top, left, cropHeight, cropWidth);
            return resize(crop, width, height);
        }
        checkSize(width, height);
        Region region = new Region(src.pixels(), src.width(), left, top, cropWidth, cropHeight);
        return resample(region, 0f, 0f, cropWidth, cropHeight, width, height, Filter.BILINEAR);
    }

    /**
     * PIL's {@code img.resize((width, height), BILINEAR, box=(x0, y0, x1, y1))}: resamples the
     * source rectangle given in float pixel coordinates. As in PIL, the filter may read pixels just
     * outside the box (but inside the image).
     */
    static RgbImage resize(
            RgbImage src, int width, int height, float x0, float y0, float x1, float y1) {
        checkSize(width, height);
        if (x0 < 0 || y0 < 0 || x1 > src.width() || y1 > src.height() || x1 < x0 || y1 < y0) {
            throw new IllegalArgumentException(
                    String.format(
                            "box (%s, %s, %s, %s) is outside the %dx%d image",
                            x0, y0, x1, y1, src.width(), src.height()));
        }
        Region whole = new Region(src.pixels(), src.width(), 0, 0, src.width(), src.height());
        return resample(whole, x0, y0, x1, y1, width, height, Filter.BILINEAR);
    }

    /**
     * Writes {@code img} as CHW floats {@code (v / 255 - mean[c]) / std[c]} into {@code dst} from
     * {@code offset}: torchvision {@code ToTensor()} followed by {@code Normalize(mean, std)}, in
     * float32 arithmetic as torch does it. Needs {@code 3 * width * height} floats of room.
     */
    public static void toTensor(RgbImage img, float[] mean, float[] std, float[] dst, int offset) {
        int plane = img.width() * img.height();
        if (offset < 0 || dst.length - offset < 3 * plane) {
            throw new IllegalArgumentException(
                    "dst has no room for " + 3 * plane + " floats at offset " + offset);
        }
        float[][] lut = new float[3][256];
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < 256; v++) {
                lut[c][v] = (v / 255f - mean[c]) / std[c];
            }
        }
        byte[] px = img.pixels();
        for (int c = 0; c < 3; c++) {
            float[] table = lut[c];
            int out = offset + c * plane;
            for (int i = 0, p = c; i < plane; i++, p += 3) {
                dst[out + i] = table[px[p] & 0xff];
            }
        }
    }

    private static RgbImage paddedCrop(RgbImage src, int top, int left, int height, int width) {
        byte[] out = new byte[width * height * 3];
        int x0 = Math.max(0, left);
        int x1 = Math.min(src.width(), left + width);
        for (int y = Math.max(0, top); y < Math.min(src.height(), top + height) && x0 < x1; y++) {
            System.arraycopy(
                    src.pixels(),
                    (y * src.width() + x0) * 3,
                    out,
                    ((y - top) * width + x0 - left) * 3,
                    (x1 - x0) * 3);
        }
        return new RgbImage(width, height, out);
    }

    private static RgbImage copy(Region r) {
        int rowLen = r.width() * 3;
        byte[] out = new byte[rowLen * r.height()];
        for (int y = 0; y < r.height(); y++) {
            System.arraycopy(
                    r.pixels(), ((r.y() + y) * r.stride() + r.x()) * 3, out, y * rowLen, rowLen);
        }
        return new RgbImage(r.width(), r.height(), out);
    }

    private static void checkSize(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("size must be positive: " + width + "x" + height);
        }
    }

    // PIL's two-pass resampler (ImagingResampleInner). Which passes run, and the rows the
    // horizontal pass covers, follow PIL exactly: skipping a pass changes the rounding.
    private static RgbImage resample(
            Region in, float x0, float y0, float x1, float y1, int outW, int outH, Filter filter) {
        boolean needH = outW != in.width() || x0 != 0 || x1 != outW;
        boolean needV = outH != in.height() || y0 != 0 || y1 != outH;
        Coefficients vert = Coefficients.of(filter, in.height(), y0, y1, outH);
        if (!needH && !needV) {
            return copy(in);
        }
        if (!needH) {
            return new RgbImage(outW, outH, vertical(in, 0, vert, outH));
        }
        int first = vert.bounds()[0];
        int last = vert.bounds()[2 * outH - 2] + vert.bounds()[2 * outH - 1];
        Coefficients horiz = Coefficients.of(filter, in.width(), x0, x1, outW);
        byte[] tmp = horizontal(in, first, last - first, horiz, outW);
        if (!needV) {
            return new RgbImage(outW, outH, tmp);
        }
        Region mid = new Region(tmp, outW, 0, 0, outW, last - first);
        return new RgbImage(outW, outH, vertical(mid, first, vert, outH));
    }

    private static byte[] horizontal(Region in, int firstRow, int rows, Coefficients c, int outW) {
        byte[] src = in.pixels();
        int[] kk = c.kk();
        int[] bounds = c.bounds();
        int ksize = c.ksize();
        byte[] out = new byte[outW * rows * 3];
        int o = 0;
        for (int y = 0; y < rows; y++) {
            int rowStart = ((in.y() + firstRow + y) * in.stride() + in.x()) * 3;
            for (int xx = 0; xx < outW; xx++) {
                int p = rowStart + bounds[2 * xx] * 3;
                int n = bounds[2 * xx + 1];
                int k0 = xx * ksize;
                int s0 = HALF;
                int s1 = HALF;
                int s2 = HALF;
                for (int i = 0; i < n; i++, p += 3) {
                    int k = kk[k0 + i];
                    s0 += (src[p] & 0xff) * k;
                    s1 += (src[p + 1] & 0xff) * k;
                    s2 += (src[p + 2] & 0xff) * k;
                }
                out[o++] = clip8(s0);
                out[o++] = clip8(s1);
                out[o++] = clip8(s2);
            }
        }
        return out;
    }

    // PIL walks each output pixel down its column; summing whole rows instead gives the same
    // integers (no overflow, addition order does not matter) and reads memory in order.
    private static byte[] vertical(Region in, int rowShift, Coefficients c, int outH) {
        byte[] src = in.pixels();
        int[] kk = c.kk();
        int[] bounds = c.bounds();
        int rowLen = in.width() * 3;
        int[] acc = new int[rowLen];
        byte[] out = new byte[rowLen * outH];
        for (int yy = 0; yy < outH; yy++) {
            Arrays.fill(acc, HALF);
            int ymin = bounds[2 * yy] - rowShift;
            int n = bounds[2 * yy + 1];
            for (int i = 0; i < n; i++) {
                int k = kk[yy * c.ksize() + i];
                int p = ((in.y() + ymin + i) * in.stride() + in.x()) * 3;
                for (int j = 0; j < rowLen; j++) {
                    acc[j] += (src[p + j] & 0xff) * k;
                }
            }
            for (int j = 0, o = yy * rowLen; j < rowLen; j++) {
                out[o + j] = clip8(acc[j]);
            }
        }
        return out;
    }

    private static byte clip8(int sum) {
        int v = sum >> PRECISION_BITS;
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }

    /** A rectangle of an RGB pixel buffer that acts as the resampler's input image. */
    private record Region(byte[] pixels, int stride, int x, int y, int width, int height) {}

    /**
     * PIL's {@code precompute_coeffs} + {@code normalize_coeffs_8bpc} for a filter: per output
     * pixel, the first input index and tap count ({@code bounds}), and {@code ksize} fixed-point
     * weights ({@code kk}). Computed in doubles in PIL's order so the rounded integers are
     * identical.
     */
    private record Coefficients(int ksize, int[] bounds, int[] kk) {

        static Coefficients of(Filter filter, int inSize, float in0, float in1, int outSize) {
            double scale = (double) (in1 - in0) / outSize;
            double filterScale = scale < 1.0 ? 1.0 : scale;
            double support = filter.support * filterScale;
            int ksize = (int) Math.ceil(support) * 2 + 1;
            int[] bounds = new int[outSize * 2];
            int[] kk = new int[outSize * ksize];
            double[] k = new double[ksize];
            for (int xx = 0; xx < outSize; xx++) {
                double center = in0 + (xx + 0.5) * scale;
                double ss = 1.0 / filterScale;
                int xmin = Math.max((int) (center - support + 0.5), 0);
                int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
                double ww = 0.0;
                for (int x = 0; x < xmax; x++) {
                    double w = filter.weight((x + xmin - center + 0.5) * ss);
                    k[x] = w;
                    ww += w;
                }
                for (int x = 0; x < xmax; x++) {
                    double w = ww != 0.0 ? k[x] / ww : k[x];
                    kk[xx * ksize + x] = (int) (w < 0 ? -0.5 + w * ONE : 0.5 + w * ONE);
                }
                bounds[2 * xx] = xmin;
                bounds[2 * xx + 1] = Math.max(xmax, 0);
            }
            return new Coefficients(ksize, bounds, kk);
        }
    }
}
