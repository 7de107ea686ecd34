package org.lightlyjava.image;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;

/**
 * Which ImageIO plugins this installation found. Plugins register through {@code
 * META-INF/services}; a badly packaged distribution (a naive fat jar) loses them, and JPEG then
 * falls back to the JDK reader, which gets CMYK wrong, while TIFF and WebP fail outright.
 */
public final class ImageFormats {

    /** The formats the decoder must read. */
    public static final String[] REQUIRED = {"jpeg", "png", "tiff", "webp", "bmp", "pnm"};

    private ImageFormats() {}

    /** Format name to the class of the first reader ImageIO offers, or {@code null} when none. */
    public static Map<String, String> readers() {
        IIORegistry.getDefaultInstance().registerApplicationClasspathSpis();
        Map<String, String> out = new LinkedHashMap<>();
        for (String format : REQUIRED) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            out.put(format, readers.hasNext() ? readers.next().getClass().getName() : null);
        }
        return out;
    }

    /** The class of the WebP writer (for thumbnails), or {@code null} when none is found. */
    public static String webpWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("webp");
        return writers.hasNext() ? writers.next().getClass().getName() : null;
    }
}
