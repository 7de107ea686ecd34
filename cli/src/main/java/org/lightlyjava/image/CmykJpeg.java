package org.lightlyjava.image;

import java.awt.image.Raster;

/**
 * Four-component JPEGs (CMYK, and the YCCK that Photoshop writes) to RGB exactly as Pillow makes
 * them: libjpeg's fixed-point YCC conversion for YCCK ({@code jdcolor.c}), the samples inverted as
 * Adobe stores them ({@code CMYK;I}), then Pillow's {@code cmyk2rgb}. TwelveMonkeys' own conversion
 * rounds YCCK differently (off by one in about 40% of samples).
 */
final class CmykJpeg {

    private static final int SCALE_BITS = 16;
    private static final int HALF = 1 << (SCALE_BITS - 1);
    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (fix(1.40200) * x + HALF) >> SCALE_BITS;
            CB_B[i] = (fix(1.77200) * x + HALF) >> SCALE_BITS;
            CR_G[i] = -fix(0.71414) * x;
            CB_G[i] = -fix(0.34414) * x + HALF;
        }
    }

    private CmykJpeg() {}

    /**
     * @param raster the decoder's raw 4-band samples, 8 bits each
     * @param ycck whether they are YCCK (Adobe transform 2) rather than CMYK
     */
    static RgbImage toRgb(Raster raster, boolean ycck) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        byte[] out = new byte[w * h * 3];
        int[] row = new int[w * 4];
        int o = 0;
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
            for (int x = 0; x < 4 * w; x += 4) {
                int c = row[x];
                int m = row[x + 1];
                int ye = row[x + 2];
                if (ycck) {
                    int luma = row[x];
                    int cb = row[x + 1];
                    int cr = row[x + 2];
                    c = 255 - clamp(luma + CR_R[cr]);
                    m = 255 - clamp(luma + ((CB_G[cb] + CR_G[cr]) >> SCALE_BITS));
                    ye = 255 - clamp(luma + CB_B[cb]);
                }
                // Adobe's CMYK is inverted; Pillow reads it as CMYK;I, then cmyk2rgb
                int nk = row[x + 3];
                out[o++] = (byte) clamp(nk - mulDiv255(255 - c, nk));
                out[o++] = (byte) clamp(nk - mulDiv255(255 - m, nk));
                out[o++] = (byte) clamp(nk - mulDiv255(255 - ye, nk));
            }
        }
        return new RgbImage(w, h, out);
    }

    private static int fix(double x) {
        return (int) (x * (1L << SCALE_BITS) + 0.5);
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    private static int mulDiv255(int a, int b) {
        int t = a * b + 128;
        return ((t >> 8) + t) >> 8;
    }
}
