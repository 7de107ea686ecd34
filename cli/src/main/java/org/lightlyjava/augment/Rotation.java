package org.lightlyjava.augment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.lightlyjava.image.RgbImage;

/**
 * PIL's {@code Image.rotate(angle, NEAREST, expand=False, fillcolor=0)} about the image centre,
 * counter-clockwise for positive angles: what torchvision's {@code F.rotate} does for Lightly's
 * {@code RandomRotate} (90 degrees) and for {@code RandomRotation(rr_degrees)}. Uncovered pixels
 * are black. Bit-exact with Pillow 9.x, including its fast paths and 16.16 fixed-point mapping.
 */
final class Rotation {

    private Rotation() {}

    /** Returns {@code img} rotated by {@code degrees}; {@code img} is not modified. */
    static RgbImage rotate(RgbImage img, double degrees) {
        double angle = pythonMod360(degrees);
        int w = img.width();
        int h = img.height();
        if (angle == 0) {
            return new RgbImage(w, h, img.pixels().clone());
        }
        if (angle == 180) {
            return rotate180(img);
        }
        if ((angle == 90 || angle == 270) && w == h) {
            return angle == 90 ? rotate90(img) : rotate180(rotate90(img));
        }
        return affine(img, angle);
    }

    /** PIL's {@code transpose(ROTATE_90)}: a quarter turn counter-clockwise. */
    static RgbImage rotate90(RgbImage img) {
        int w = img.width();
        int h = img.height();
        byte[] src = img.pixels();
        byte[] out = new byte[src.length];
        // output (x, y) of the h x w result comes from source (w - 1 - y, x)
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < h; x++) {
                int s = (x * w + (w - 1 - y)) * 3;
                int d = (y * h + x) * 3;
                out[d] = src[s];
                out[d + 1] = src[s + 1];
                out[d + 2] = src[s + 2];
            }
        }
        return new RgbImage(h, w, out);
    }

    static RgbImage rotate180(RgbImage img) {
        byte[] src = img.pixels();
        byte[] out = new byte[src.length];
        int n = src.length / 3;
        for (int i = 0; i < n; i++) {
            int s = (n - 1 - i) * 3;
            out[i * 3] = src[s];
            out[i * 3 + 1] = src[s + 1];
            out[i * 3 + 2] = src[s + 2];
        }
        return new RgbImage(img.width(), img.height(), out);
    }

    // Image.rotate builds an inverse affine matrix (cos/sin rounded to 15 decimals) and
    // ImagingTransformAffine maps each output pixel centre back in 16.16 fixed point.
    private static RgbImage affine(RgbImage img, double angle) {
        int w = img.width();
        int h = img.height();
        double rad = -Math.toRadians(angle);
        double a = round15(StrictMath.cos(rad));
        double b = round15(StrictMath.sin(rad));
        double d = round15(-StrictMath.sin(rad));
        double e = round15(StrictMath.cos(rad));
        double cx = w / 2.0;
        double cy = h / 2.0;
        double c = a * -cx + b * -cy + 0.0 + cx;
        double f = d * -cx + e * -cy + 0.0 + cy;
        int a0 = fix(a);
        int a1 = fix(b);
        int a3 = fix(d);
        int a4 = fix(e);
        int rowX = fix(c + a * 0.5 + b * 0.5);
        int rowY = fix(f + d * 0.5 + e * 0.5);
        byte[] src = img.pixels();
        byte[] out = new byte[src.length];
        for (int y = 0, o = 0; y < h; y++, rowX += a1, rowY += a4) {
            for (int x = 0, xx = rowX, yy = rowY; x < w; x++, o += 3, xx += a0, yy += a3) {
                int xin = xx >> 16;
                int yin = yy >> 16;
                if (xin >= 0 && xin < w && yin >= 0 && yin < h) {
                    int s = (yin * w + xin) * 3;
                    out[o] = src[s];
                    out[o + 1] = src[s + 1];
                    out[o + 2] = src[s + 2];
                }
            }
        }
        return new RgbImage(w, h, out);
    }

    // Python's angle % 360.0: the result takes the sign of the divisor.
    private static double pythonMod360(double degrees) {
        double m = degrees % 360.0;
        if (m == 0) {
            return 0.0;
        }
        return m < 0 ? m + 360.0 : m;
    }

    // Python's round(x, 15): decimal rounding of the exact binary value, half to even.
    private static double round15(double x) {
        return new BigDecimal(x).setScale(15, RoundingMode.HALF_EVEN).doubleValue();
    }

    // Geometry.c FIX: FLOOR(v * 65536.0 + 0.5) into a 16.16 fixed-point int.
    private static int fix(double v) {
        return (int) Math.floor(v * 65536.0 + 0.5);
    }
}
