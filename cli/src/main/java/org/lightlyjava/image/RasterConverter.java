package org.lightlyjava.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.util.Arrays;

/**
 * Turns what an ImageIO reader returned into 8-bit RGB the way Pillow's {@code convert("RGB")}
 * does: raw sample values (no colour management, as Pillow ignores ICC profiles), alpha dropped
 * rather than composited, grey replicated, palettes expanded, wider samples reduced by a {@link
 * Depth} rule.
 *
 * <p>Byte-interleaved and packed-int rasters (what JPEG, 8-bit PNG and WebP decode to) are copied
 * straight from the data buffer; other layouts go row by row through the raster; colour spaces
 * other than RGB and grey (a CMYK raster, premultiplied alpha) go through the colour model.
 */
final class RasterConverter {

    /** How samples wider than 8 bits become 8 bits. */
    enum Depth {
        /** The high byte, as Pillow's {@code RGB;16B} unpacking does for PNG and TIFF. */
        HIGH_BYTE,
        /** {@code round(v * 255 / max)}, as Pillow's PPM decoder does. */
        ROUNDED
    }

    private static final int[] RGB_OFFSETS = {0, 1, 2};
    private static final int[] BGR_OFFSETS = {2, 1, 0};

    private RasterConverter() {}

    static RgbImage toRgb(BufferedImage image, Depth depth) {
        Raster raster = image.getRaster();
        ColorModel model = image.getColorModel();
        if (raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0) {
            return throughColorModel(image);
        }
        if (model instanceof IndexColorModel palette) {
            return fromPalette(raster, palette);
        }
        int space = model.getColorSpace().getType();
        boolean rgb = space == ColorSpace.TYPE_RGB && model.getNumColorComponents() == 3;
        boolean grey = space == ColorSpace.TYPE_GRAY && model.getNumColorComponents() == 1;
        if (model.isAlphaPremultiplied() || !(rgb || grey)) {
            return throughColorModel(image);
        }
        if (model instanceof DirectColorModel direct && PackedInts.fits(direct, raster)) {
            return PackedInts.toRgb(raster);
        }
        if (model instanceof ComponentColorModel && InterleavedBytes.fits(raster)) {
            return InterleavedBytes.toRgb(raster, grey);
        }
        if (model instanceof ComponentColorModel && sampleBits(raster) <= 16) {
            return fromSamples(raster, grey, levels(sampleBits(raster), depth));
        }
        return throughColorModel(image);
    }

    /**
     * An empty image whose bytes {@link #toRgb} hands over without copying: for readers that can
     * decode into a given destination.
     */
    static BufferedImage rgbDestination(int width, int height) {
        var model =
                new ComponentColorModel(
                        ColorSpace.getInstance(ColorSpace.CS_sRGB),
                        false,
                        false,
                        Transparency.OPAQUE,
                        DataBuffer.TYPE_BYTE);
        WritableRaster raster =
                Raster.createInterleavedRaster(
                        DataBuffer.TYPE_BYTE, width, height, width * 3, 3, RGB_OFFSETS, null);
        return new BufferedImage(model, raster, false, null);
    }

    /** Any raster with integer samples, one row at a time, each sample through a table. */
    private static RgbImage fromSamples(Raster raster, boolean grey, byte[] level) {
        int w = raster.getWidth();
        int bands = raster.getNumBands();
        byte[] out = new byte[w * raster.getHeight() * 3];
        int[] row = new int[w * bands];
        int o = 0;
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getPixels(0, y, w, 1, row);
            for (int i = 0; i < row.length; i += bands, o += 3) {
                out[o] = level[row[i]];
                out[o + 1] = level[row[grey ? i : i + 1]];
                out[o + 2] = level[row[grey ? i : i + 2]];
            }
        }
        return new RgbImage(w, raster.getHeight(), out);
    }

    private static RgbImage fromPalette(Raster raster, IndexColorModel palette) {
        // Pillow starts every palette as a grey ramp, so indices past its end are grey.
        int size = Math.max(256, palette.getMapSize());
        byte[][] rgb = {new byte[size], new byte[size], new byte[size]};
        for (int i = 0; i < size; i++) {
            rgb[0][i] = rgb[1][i] = rgb[2][i] = (byte) i;
        }
        palette.getReds(rgb[0]);
        palette.getGreens(rgb[1]);
        palette.getBlues(rgb[2]);
        int w = raster.getWidth();
        byte[] out = new byte[w * raster.getHeight() * 3];
        int[] row = new int[w];
        int o = 0;
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++, o += 3) {
                int index = Math.min(row[x], size - 1);
                out[o] = rgb[0][index];
                out[o + 1] = rgb[1][index];
                out[o + 2] = rgb[2][index];
            }
        }
        return new RgbImage(w, raster.getHeight(), out);
    }

    /** Slow and colour-managed, only for what Pillow would not see as RGB or grey anyway. */
    private static RgbImage throughColorModel(BufferedImage image) {
        int w = image.getWidth();
        byte[] out = new byte[w * image.getHeight() * 3];
        int[] row = new int[w];
        int o = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int argb : row) {
                out[o++] = (byte) (argb >> 16);
                out[o++] = (byte) (argb >> 8);
                out[o++] = (byte) argb;
            }
        }
        return new RgbImage(w, image.getHeight(), out);
    }

    private static int sampleBits(Raster raster) {
        return Arrays.stream(raster.getSampleModel().getSampleSize()).max().orElse(0);
    }

    /** The 8-bit level of each possible sample value. */
    static byte[] levels(int bits, Depth depth) {
        int max = (1 << bits) - 1;
        byte[] level = new byte[max + 1];
        for (int v = 0; v <= max; v++) {
            int value;
            if (bits > 8 && depth == Depth.HIGH_BYTE) {
                value = v >> (bits - 8);
            } else {
                value = (int) Math.rint(v * 255.0 / max);
            }
            level[v] = (byte) value;
        }
        return level;
    }

    /** Three or four bytes per pixel in one array (JPEG, 8-bit PNG, BMP, PNM, TIFF). */
    private static final class InterleavedBytes {

        static boolean fits(Raster raster) {
            return raster.getDataBuffer() instanceof DataBufferByte bytes
                    && bytes.getNumBanks() == 1
                    && raster.getSampleModel() instanceof ComponentSampleModel layout
                    && Arrays.stream(layout.getBankIndices()).allMatch(bank -> bank == 0)
                    && Arrays.stream(layout.getSampleSize()).allMatch(bits -> bits == 8);
        }

        static RgbImage toRgb(Raster raster, boolean grey) {
            var layout = (ComponentSampleModel) raster.getSampleModel();
            var buffer = (DataBufferByte) raster.getDataBuffer();
            byte[] data = buffer.getData();
            int w = raster.getWidth();
            int h = raster.getHeight();
            int[] offsets = layout.getBandOffsets();
            int step = layout.getPixelStride();
            int stride = layout.getScanlineStride();
            boolean tight = buffer.getOffset() == 0 && step == 3 && stride == w * 3;
            if (!grey && tight && data.length == w * h * 3) {
                if (Arrays.equals(offsets, RGB_OFFSETS)) {
                    return new RgbImage(w, h, data);
                }
                if (Arrays.equals(offsets, BGR_OFFSETS)) {
                    return new RgbImage(w, h, swapRedAndBlue(data));
                }
            }
            int r = offsets[0];
            int g = offsets[grey ? 0 : 1];
            int b = offsets[grey ? 0 : 2];
            byte[] out = new byte[w * h * 3];
            int o = 0;
            for (int y = 0; y < h; y++) {
                int i = buffer.getOffset() + y * stride;
                for (int x = 0; x < w; x++, i += step, o += 3) {
                    out[o] = data[i + r];
                    out[o + 1] = data[i + g];
                    out[o + 2] = data[i + b];
                }
            }
            return new RgbImage(w, h, out);
        }

        // In place: the decoded BGR buffer is ours and nothing else will read it.
        private static byte[] swapRedAndBlue(byte[] bgr) {
            for (int i = 0; i < bgr.length; i += 3) {
                byte blue = bgr[i];
                bgr[i] = bgr[i + 2];
                bgr[i + 2] = blue;
            }
            return bgr;
        }
    }

    /** One int per pixel, 0xAARRGGBB or 0x00RRGGBB (what libwebp decodes to). */
    private static final class PackedInts {

        static boolean fits(DirectColorModel model, Raster raster) {
            return raster.getDataBuffer() instanceof DataBufferInt
                    && raster.getSampleModel() instanceof SinglePixelPackedSampleModel
                    && model.getRedMask() == 0xFF0000
                    && model.getGreenMask() == 0xFF00
                    && model.getBlueMask() == 0xFF;
        }

        static RgbImage toRgb(Raster raster) {
            var layout = (SinglePixelPackedSampleModel) raster.getSampleModel();
            var buffer = (DataBufferInt) raster.getDataBuffer();
            int[] data = buffer.getData();
            int w = raster.getWidth();
            int h = raster.getHeight();
            byte[] out = new byte[w * h * 3];
            int o = 0;
            for (int y = 0; y < h; y++) {
                int i = buffer.getOffset() + y * layout.getScanlineStride();
                for (int x = 0; x < w; x++, o += 3) {
                    int pixel = data[i + x];
                    out[o] = (byte) (pixel >> 16);
                    out[o + 1] = (byte) (pixel >> 8);
                    out[o + 2] = (byte) pixel;
                }
            }
            return new RgbImage(w, h, out);
        }
    }
}
