package org.lightlyjava.image;

import static org.lightlyjava.image.Bytes.startsWith;

import java.util.ArrayList;
import java.util.List;

/** The marker segments of a JPEG header, and the one change we make to them. */
final class JpegSegments {

    /** A segment: its marker (e.g. {@code 0xE1} for APP1) and where its payload lies. */
    record Segment(int marker, int start, int end) {}

    private static final byte[] ICC_PROFILE = Bytes.ascii("ICC_PROFILE\0");
    private static final byte[] ADOBE = Bytes.ascii("Adobe");

    private JpegSegments() {}

    static boolean isJpeg(byte[] b) {
        return b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8;
    }

    /** The segments before the first scan, in file order; stops at anything malformed. */
    static List<Segment> header(byte[] b) {
        List<Segment> segments = new ArrayList<>();
        int pos = 2;
        while (pos + 4 <= b.length && (b[pos] & 0xFF) == 0xFF) {
            int marker = b[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++; // fill byte
            } else if (marker == 0xDA || marker == 0xD9) {
                break; // start of scan or end of image: no more header
            } else if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                pos += 2; // markers without a length
            } else {
                int end = pos + 2 + Bytes.u16be(b, pos + 2);
                if (end > b.length || end < pos + 4) {
                    break;
                }
                segments.add(new Segment(marker, pos + 4, end));
                pos = end;
            }
        }
        return segments;
    }

    /** The number of colour components the frame header (SOF) declares, or 0 without one. */
    static int components(byte[] jpeg) {
        for (Segment segment : header(jpeg)) {
            int m = segment.marker();
            boolean frame = m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
            if (frame && segment.start() + 5 < segment.end()) {
                return jpeg[segment.start() + 5] & 0xFF;
            }
        }
        return 0;
    }

    /**
     * The colour transform of Adobe's APP14 segment (0 none, 1 YCbCr, 2 YCCK), or -1 when there is
     * no such segment.
     */
    static int adobeTransform(byte[] jpeg) {
        for (Segment segment : header(jpeg)) {
            if (segment.marker() == 0xEE
                    && segment.end() - segment.start() >= 12
                    && startsWith(jpeg, segment.start(), ADOBE)) {
                return jpeg[segment.start() + 11] & 0xFF;
            }
        }
        return -1;
    }

    /**
     * The JPEG with its ICC profile segments renamed ({@code ICC_PROFILE} to {@code XCC_PROFILE})
     * so that readers ignore them; the same array when there are none. Pillow never applies the
     * profile, but the JDK and TwelveMonkeys readers convert to sRGB with it, which moves the
     * values of, say, a Display P3 photo by up to 20 levels.
     */
    static byte[] withoutIccProfiles(byte[] jpeg) {
        byte[] result = jpeg;
        for (Segment segment : header(jpeg)) {
            if (segment.marker() == 0xE2 && startsWith(jpeg, segment.start(), ICC_PROFILE)) {
                result = result == jpeg ? jpeg.clone() : result;
                result[segment.start()] = 'X';
            }
        }
        return result;
    }
}
