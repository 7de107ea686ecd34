package org.lightlyjava.augment;

/** In-place mirror images of an RGB pixel buffer, as PIL's FLIP_LEFT_RIGHT / FLIP_TOP_BOTTOM. */
final class Flip {

    private Flip() {}

    static void horizontal(byte[] px, int width, int height) {
        for (int y = 0; y < height; y++) {
            int row = y * width * 3;
            for (int l = row, r = row + (width - 1) * 3; l < r; l += 3, r -= 3) {
                for (int c = 0; c < 3; c++) {
                    byte t = px[l + c];
                    px[l + c] = px[r + c];
                    px[r + c] = t;
                }
            }
        }
    }

    static void vertical(byte[] px, int width, int height) {
        int rowLen = width * 3;
        byte[] tmp = new byte[rowLen];
        for (int top = 0, bottom = height - 1; top < bottom; top++, bottom--) {
            System.arraycopy(px, top * rowLen, tmp, 0, rowLen);
            System.arraycopy(px, bottom * rowLen, px, top * rowLen, rowLen);
            System.arraycopy(tmp, 0, px, bottom * rowLen, rowLen);
        }
    }
}
