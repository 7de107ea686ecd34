package org.lightlyjava.augment;

/**
 * torchvision's {@code adjust_hue} for PIL images, in place: convert to PIL's 8-bit HSV, add {@code
 * uint8(factor * 255)} to H with wrap-around, convert back. The HSV conversions follow
 * libImaging/Convert.c ({@code rgb2hsv_row}, {@code hsv2rgb}) operation by operation, mixing float
 * and double exactly as the C code does, so the bytes match PIL's.
 */
final class Hue {

    private Hue() {}

    /** Shifts the hue of every pixel; {@code factor} in [-0.5, 0.5]. */
    static void shift(byte[] px, double factor) {
        // numpy's np.uint8(factor * 255): truncate toward zero, then wrap modulo 256.
        int delta = (int) (factor * 255);
        for (int i = 0; i < px.length; i += 3) {
            int r = px[i] & 0xff;
            int g = px[i + 1] & 0xff;
            int b = px[i + 2] & 0xff;
            int max = Math.max(r, Math.max(g, b));
            int min = Math.min(r, Math.min(g, b));
            if (max == min) {
                continue; // grey: H = S = 0, and S = 0 converts back to (v, v, v) unchanged
            }
            int h = (hue(r, g, b, max, min) + delta) & 0xff;
            int s = clip8((int) ((float) (max - min) / (float) max * 255.0));
            toRgb(h, s, max, px, i);
        }
    }

    private static int hue(int r, int g, int b, int max, int min) {
        float cr = (float) (max - min);
        float rc = (float) (max - r) / cr;
        float gc = (float) (max - g) / cr;
        float bc = (float) (max - b) / cr;
        float h;
        if (r == max) {
            h = bc - gc;
        } else if (g == max) {
            h = (float) (2.0 + rc - bc);
        } else {
            h = (float) (4.0 + gc - rc);
        }
        h = (float) ((h / 6.0 + 1.0) % 1.0); // C fmod, as Java's % on doubles
        return clip8((int) (h * 255.0));
    }

    private static void toRgb(int h, int s, int v, byte[] px, int at) {
        if (s == 0) {
            set(px, at, v, v, v);
            return;
        }
        int i = (int) Math.floor((float) h * 6.0 / 255.0);
        float f = (float) ((float) h * 6.0 / 255.0 - (float) i);
        float fs = (float) ((float) s / 255.0);
        int p = clip8((int) Math.round((float) v * (1.0 - fs)));
        int q = clip8((int) Math.round((float) v * (1.0 - fs * f)));
        int t = clip8((int) Math.round((float) v * (1.0 - fs * (1.0 - f))));
        switch (i % 6) {
            case 0 -> set(px, at, v, t, p);
            case 1 -> set(px, at, q, v, p);
            case 2 -> set(px, at, p, v, t);
            case 3 -> set(px, at, p, q, v);
            case 4 -> set(px, at, t, p, v);
            default -> set(px, at, v, p, q);
        }
    }

    private static void set(byte[] px, int at, int r, int g, int b) {
        px[at] = (byte) r;
        px[at + 1] = (byte) g;
        px[at + 2] = (byte) b;
    }

    private static int clip8(int v) {
        return v <= 0 ? 0 : Math.min(v, 255);
    }
}
