package org.lightlyjava.image;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;

/**
 * Finds the ImageIO readers that recognise a file's bytes (never its name), best first, and names
 * their format. Each call creates new reader instances, so callers on different threads never share
 * one.
 */
final class Readers {

    // The formats Pillow opens that ImageIO has readers for. Others are refused: the JDK's WBMP
    // reader, for one, claims almost any bytes that start with two zeros.
    private static final Set<String> FORMATS =
            Set.of("jpeg", "png", "bmp", "pnm", "tiff", "webp", "gif");

    private Readers() {}

    /** New readers for the bytes, best first; empty when no supported format matches. */
    static List<ImageReader> forBytes(byte[] bytes) {
        List<ImageReader> readers = new ArrayList<>();
        try (var in = new ByteArrayImageInputStream(bytes)) {
            ImageIO.getImageReaders(in).forEachRemaining(readers::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: the stream is an array
        }
        readers.removeIf(reader -> !FORMATS.contains(format(reader)));
        boolean animated = Riff.isAnimatedWebp(bytes);
        readers.sort(Comparator.comparingInt(reader -> rank(reader, animated)));
        return readers;
    }

    /** The lower-case format name: jpeg, png, bmp, pnm, tiff, webp or gif. */
    static String format(ImageReader reader) {
        ImageReaderSpi provider = reader.getOriginatingProvider();
        String name = provider == null ? "" : provider.getFormatNames()[0];
        name = name.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "jpg" -> "jpeg";
            case "tif" -> "tiff";
            default -> name;
        };
    }

    // libwebp (the luciad plugin) first: it decodes lossy WebP to exactly Pillow's pixels (it is
    // the library Pillow uses) and ten times faster than TwelveMonkeys' Java decoder, which is
    // off by up to 20 levels. But libwebp's simple API refuses animations, so those go to
    // TwelveMonkeys, as does everything else, ahead of the JDK's own readers (e.g. for CMYK JPEG).
    private static int rank(ImageReader reader, boolean animatedWebp) {
        String name = reader.getClass().getName();
        if (name.startsWith("com.luciad.imageio.webp.")) {
            return animatedWebp ? 3 : 0;
        }
        return name.startsWith("com.twelvemonkeys.") ? 1 : 2;
    }
}
