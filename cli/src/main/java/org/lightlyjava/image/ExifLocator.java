package org.lightlyjava.image;

import static org.lightlyjava.image.Bytes.ascii;
import static org.lightlyjava.image.Bytes.startsWith;
import static org.lightlyjava.image.Bytes.u32be;
import static org.lightlyjava.image.Bytes.u32le;

import java.util.Optional;

/**
 * Finds the EXIF block (a little TIFF file: byte order mark, IFD0, sub-IFDs) inside an encoded
 * image: a JPEG APP1 {@code Exif} segment, a PNG {@code eXIf} chunk, a WebP {@code EXIF} chunk, or
 * the whole file for a TIFF. Only walks the container structure; never reads pixels, never throws
 * on malformed input (it just finds nothing).
 */
final class ExifLocator {

    /** Where the block lies in the file. */
    record Span(int offset, int length) {}

    // "Exif" NUL and one pad byte precede the TIFF header in JPEG APP1, and some writers put
    // the same six bytes at the start of PNG and WebP chunks.
    private static final byte[] EXIF_PREFIX = ascii("Exif\0");
    private static final int EXIF_PREFIX_LENGTH = 6;

    private ExifLocator() {}

    static Optional<Span> find(byte[] file) {
        if (JpegSegments.isJpeg(file)) {
            return Optional.ofNullable(inJpeg(file));
        }
        if (startsWith(file, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G'})) {
            return Optional.ofNullable(inPng(file));
        }
        if (Riff.isWebp(file)) {
            return Optional.ofNullable(inWebp(file));
        }
        if (startsWith(file, 0, ascii("II*\0")) || startsWith(file, 0, ascii("MM\0*"))) {
            return Optional.of(new Span(0, file.length));
        }
        return Optional.empty();
    }

    private static Span inJpeg(byte[] b) {
        for (JpegSegments.Segment segment : JpegSegments.header(b)) {
            if (segment.marker() == 0xE1 && startsWith(b, segment.start(), EXIF_PREFIX)) {
                return span(b, segment.start() + EXIF_PREFIX_LENGTH, segment.end());
            }
        }
        return null;
    }

    private static Span inPng(byte[] b) {
        int pos = 8;
        while (pos + 12 <= b.length) {
            long end = pos + 8 + u32be(b, pos);
            if (end + 4 > b.length) {
                return null;
            }
            if (startsWith(b, pos + 4, ascii("eXIf"))) {
                return withoutPrefix(b, pos + 8, (int) end);
            }
            if (startsWith(b, pos + 4, ascii("IEND"))) {
                return null;
            }
            pos = (int) end + 4; // skip the CRC
        }
        return null;
    }

    private static Span inWebp(byte[] b) {
        int pos = 12;
        while (pos + 8 <= b.length) {
            long size = u32le(b, pos + 4);
            long end = pos + 8 + size;
            if (end > b.length) {
                return null;
            }
            if (startsWith(b, pos, ascii("EXIF"))) {
                return withoutPrefix(b, pos + 8, (int) end);
            }
            pos = (int) (end + (size & 1)); // chunks are padded to an even size
        }
        return null;
    }

    private static Span withoutPrefix(byte[] b, int start, int end) {
        boolean prefixed = startsWith(b, start, EXIF_PREFIX);
        return span(b, prefixed ? start + EXIF_PREFIX_LENGTH : start, end);
    }

    private static Span span(byte[] b, int start, int end) {
        return start < end && end <= b.length ? new Span(start, end - start) : null;
    }
}
