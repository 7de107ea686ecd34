package org.lightlyjava.image;

import static org.lightlyjava.image.Bytes.ascii;
import static org.lightlyjava.image.Bytes.startsWith;

import java.util.Arrays;

/** The RIFF container of a WebP file, checked before a reader sees it. */
final class Riff {

    private static final byte[] RIFF = ascii("RIFF");
    private static final byte[] WEBP = ascii("WEBP");
    private static final byte[] VP8X = ascii("VP8X");

    private Riff() {}

    static boolean isWebp(byte[] b) {
        return startsWith(b, 0, RIFF) && startsWith(b, 8, WEBP);
    }

    /**
     * The bytes the RIFF header of a WebP file covers; other files unchanged. A file shorter than
     * its header says is truncated, which libwebp (and so Pillow) refuses but TwelveMonkeys'
     * lossless decoder would silently fill with noise. Bytes after the RIFF end are dropped, as
     * Pillow ignores them and the libwebp plugin refuses such files.
     */
    static byte[] declaredPart(byte[] b) throws DecodeException {
        if (!isWebp(b)) {
            return b;
        }
        long declared = 8 + Bytes.u32le(b, 4);
        if (declared > b.length) {
            throw new DecodeException(
                    String.format(
                            "image file is truncated (webp: the header says %d bytes,"
                                    + " the file has %d)",
                            declared, b.length));
        }
        return declared == b.length ? b : Arrays.copyOf(b, (int) declared);
    }

    /** A WebP file whose VP8X header has the animation flag set. */
    static boolean isAnimatedWebp(byte[] b) {
        return isWebp(b) && startsWith(b, 12, VP8X) && b.length > 20 && (b[20] & 0x02) != 0;
    }
}
