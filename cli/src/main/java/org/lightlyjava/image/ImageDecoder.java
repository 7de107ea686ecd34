package org.lightlyjava.image;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes an encoded image (JPEG incl. CMYK and progressive, PNG, BMP, PPM/PGM, TIFF, WebP) into an
 * upright 8-bit RGB {@link DecodedImage}, matching Pillow's {@code Image.open(f).convert("RGB")}:
 * alpha dropped (not composited), grey replicated, palettes expanded, 16-bit samples reduced to
 * their high byte (rounded for PNM, as Pillow does). The format is sniffed from the bytes.
 *
 * <p>Like Pillow, it ignores embedded ICC colour profiles: the values are the file's own. Then the
 * EXIF {@code Orientation} is applied, so sideways photos come out upright. (Pillow does the same
 * for TIFF, where libtiff applies it, but not for JPEG, PNG or WebP, where only {@code
 * ImageOps.exif_transpose} would.)
 *
 * <p>Refused with a {@link DecodeException}: empty files, unknown formats, images with more pixels
 * than the limit (checked from the header, before any pixel is decoded), truncated files (which
 * some readers only warn about) and anything a reader throws, runtime exceptions included. A
 * corrupt EXIF block is ignored.
 *
 * <p>Thread-safe: every call creates its own ImageIO readers.
 */
public final class ImageDecoder {

    /** Pillow's decompression-bomb error limit: twice {@code Image.MAX_IMAGE_PIXELS}. */
    public static final long DEFAULT_MAX_PIXELS = 178_956_970L;

    private static final Logger LOG = LoggerFactory.getLogger(ImageDecoder.class);

    private final long maxPixels;

    public ImageDecoder() {
        this(DEFAULT_MAX_PIXELS);
    }

    /** A decoder that refuses images with more than {@code maxPixels} pixels. */
    public ImageDecoder(long maxPixels) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
        }
        this.maxPixels = maxPixels;
    }

    /** Decodes the whole image. */
    public DecodedImage decode(byte[] encoded) throws DecodeException {
        return decode(encoded, 0);
    }

    /**
     * Decodes the image, allowed to skip pixels when only a smaller copy is needed: a JPEG is read
     * with source subsampling by the largest integer step that keeps both sides at least {@code
     * minSide} (each output pixel is one source pixel, no averaging). Other formats, and {@code
     * minSide <= 0}, decode in full.
     */
    public DecodedImage decode(byte[] encoded, int minSide) throws DecodeException {
        if (encoded.length == 0) {
            throw new DecodeException("empty file");
        }
        try {
            DecodedImage stored = readPixels(forReaders(encoded), minSide);
            Map<String, Object> exif = ExifReader.read(encoded);
            RgbImage upright = Orientation.apply(stored.image(), Orientation.of(exif));
            return new DecodedImage(upright, stored.format(), exif);
        } catch (RuntimeException e) {
            throw new DecodeException("decoder error: " + ReadProblems.messages(e), e);
        }
    }

    // What the readers get: a JPEG without its ICC profile, a WebP cut to its RIFF length.
    private static byte[] forReaders(byte[] encoded) throws DecodeException {
        return JpegSegments.isJpeg(encoded)
                ? JpegSegments.withoutIccProfiles(encoded)
                : Riff.declaredPart(encoded);
    }

    /** The subsampling step for a {@code width x height} image that must keep {@code minSide}. */
    static int subsamplingStep(int width, int height, int minSide) {
        return minSide <= 0 ? 1 : Math.max(1, Math.min(width, height) / minSide);
    }

    private DecodedImage readPixels(byte[] encoded, int minSide) throws DecodeException {
        List<ImageReader> readers = Readers.forBytes(encoded);
        try {
            if (readers.isEmpty()) {
                throw new DecodeException("not a recognised image format");
            }
            LinkageError unavailable = null;
            for (ImageReader reader : readers) {
                try {
                    return read(reader, encoded, minSide);
                } catch (LinkageError e) {
                    // A plugin whose native library does not load here (libwebp on an
                    // unsupported platform): the next reader can do the job.
                    LOG.debug("Skipping unavailable reader {}: {}", reader, e.toString());
                    unavailable = e;
                }
            }
            throw new DecodeException("no working decoder: " + unavailable, unavailable);
        } finally {
            readers.forEach(ImageReader::dispose);
        }
    }

    private DecodedImage read(ImageReader reader, byte[] encoded, int minSide)
            throws DecodeException {
        String format = Readers.format(reader);
        try (var in = new ByteArrayImageInputStream(encoded)) {
            reader.setInput(in, true, true);
            boolean fourComponents = format.equals("jpeg") && JpegSegments.components(encoded) == 4;
            ImageReadParam param = param(reader, format, minSide, fourComponents);
            var warnings = new ReadProblems.Warnings();
            reader.addIIOReadWarningListener(warnings);
            if (fourComponents) {
                Raster raw = reader.readRaster(0, param);
                warnings.check(format);
                boolean ycck = JpegSegments.adobeTransform(encoded) == 2;
                return new DecodedImage(CmykJpeg.toRgb(raw, ycck), format, Map.of());
            }
            BufferedImage image = reader.read(0, param);
            warnings.check(format);
            var depth =
                    format.equals("pnm")
                            ? RasterConverter.Depth.ROUNDED
                            : RasterConverter.Depth.HIGH_BYTE;
            return new DecodedImage(RasterConverter.toRgb(image, depth), format, Map.of());
        } catch (IOException | RuntimeException e) {
            // Plugins throw runtime exceptions on corrupt files (a TIFF cut before its IFD gives
            // an IndexOutOfBoundsException): still a file we cannot decode.
            throw new DecodeException(ReadProblems.reason(format, e), e);
        }
    }

    /** Checks the size in the header, then sets up subsampling and destination for a JPEG. */
    private ImageReadParam param(ImageReader reader, String format, int minSide, boolean raw)
            throws IOException, DecodeException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        checkSize(width, height);
        ImageReadParam param = reader.getDefaultReadParam();
        if (!format.equals("jpeg")) {
            return param;
        }
        int step = subsamplingStep(width, height, minSide);
        if (step > 1) {
            param.setSourceSubsampling(step, step, 0, 0);
        }
        if (raw) {
            return param;
        }
        // Where the reader would return BGR bytes, it can as well write RGB ones into our
        // buffer: that saves a pass over the pixels (about 30% of a large JPEG's decode time).
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        if (types.hasNext()
                && types.next().getBufferedImageType() == BufferedImage.TYPE_3BYTE_BGR) {
            param.setDestination(
                    RasterConverter.rgbDestination(
                            (width + step - 1) / step, (height + step - 1) / step));
        }
        return param;
    }

    private void checkSize(int width, int height) throws DecodeException {
        long pixels = (long) width * height;
        if (width <= 0 || height <= 0) {
            throw new DecodeException("image has no pixels: " + width + "x" + height);
        }
        if (pixels > maxPixels) {
            throw new DecodeException(
                    String.format(
                            "image is %dx%d = %d pixels, more than the limit of %d"
                                    + " (decompression bomb?)",
                            width, height, pixels, maxPixels));
        }
    }
}
