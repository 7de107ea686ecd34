package org.lightlyjava.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Thumbnails as Lightly makes them (reference §7.5): the image shrunk to fit in 128 x 128 keeping
 * its aspect ratio and never enlarged (the size rule of PIL's {@code Image.thumbnail}), encoded as
 * lossy WebP at quality 90. Lightly resamples with LANCZOS; this uses PIL's bilinear filter with
 * antialiasing ({@link Resizer}), a difference invisible at this size.
 */
public final class Thumbnails {

    /** The box thumbnails fit into. */
    public static final int SIZE = 128;

    private static final float QUALITY = 0.9f;

    private Thumbnails() {}

    /**
     * Lightly's thumbnail name: the file name without its last extension, then {@code _thumb.webp}
     * ({@code cats/img_001.jpg} gives {@code cats/img_001_thumb.webp}).
     */
    public static String nameFor(String fileName) {
        int slash = fileName.lastIndexOf('/');
        int dot = fileName.lastIndexOf('.');
        String stem = dot > slash ? fileName.substring(0, dot) : fileName;
        return stem + "_thumb.webp";
    }

    /** The WebP bytes of the thumbnail of {@code image}. */
    public static byte[] webp(RgbImage image) {
        int[] size = fit(image.width(), image.height(), SIZE, SIZE);
        RgbImage small =
                size[0] == image.width() && size[1] == image.height()
                        ? image
                        : Resizer.resize(image, size[0], size[1]);
        return encode(small);
    }

    /** PIL's {@code thumbnail} size rule: width and height that fit in the box. */
    static int[] fit(int width, int height, int boxWidth, int boxHeight) {
        if (width <= boxWidth && height <= boxHeight) {
            return new int[] {width, height};
        }
        double aspect = (double) width / height;
        int x = boxWidth;
        int y = boxHeight;
        if ((double) x / y >= aspect) {
            double target = y * aspect;
            x = closest(target, n -> Math.abs(aspect - n / (double) boxHeight));
        } else {
            double target = x / aspect;
            int fixedX = x;
            y = closest(target, n -> n == 0 ? 0 : Math.abs(aspect - fixedX / (double) n));
        }
        return new int[] {x, y};
    }

    /**
     * PIL's {@code round_aspect}: floor or ceil of {@code value}, whichever scores lower, at least
     * 1.
     */
    private static int closest(double value, java.util.function.IntToDoubleFunction score) {
        int floor = (int) Math.floor(value);
        int ceil = (int) Math.ceil(value);
        int best = score.applyAsDouble(floor) <= score.applyAsDouble(ceil) ? floor : ceil;
        return Math.max(best, 1);
    }

    private static byte[] encode(RgbImage image) {
        BufferedImage buffered =
                new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) buffered.getRaster().getDataBuffer()).getData();
        byte[] rgb = image.pixels();
        for (int i = 0; i < rgb.length; i += 3) {
            bgr[i] = rgb[i + 2];
            bgr[i + 1] = rgb[i + 1];
            bgr[i + 2] = rgb[i];
        }
        ImageWriter writer = webpWriter();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
                MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType(lossy(param));
            param.setCompressionQuality(QUALITY);
            writer.setOutput(out);
            writer.write(null, new IIOImage(buffered, null, null), param);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode WebP thumbnail", e);
        } finally {
            writer.dispose();
        }
    }

    private static String lossy(ImageWriteParam param) {
        for (String type : param.getCompressionTypes()) {
            if (type.equalsIgnoreCase("lossy")) {
                return type;
            }
        }
        return param.getCompressionTypes()[0];
    }

    private static ImageWriter webpWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType("image/webp");
        if (!writers.hasNext()) {
            throw new IllegalStateException(
                    "no WebP writer found (webp-imageio missing from lib/)");
        }
        return writers.next();
    }
}
