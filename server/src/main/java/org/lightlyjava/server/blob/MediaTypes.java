package org.lightlyjava.server.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tells a blob's media type from its first bytes, so browsers show images they fetch. */
public final class MediaTypes {

    private MediaTypes() {}

    public static String sniff(Path file) throws IOException {
        byte[] head = new byte[12];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return sniff(head, n);
    }

    static String sniff(byte[] b, int n) {
        if (n >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (n >= 8 && (b[0] & 0xff) == 0x89 && ascii(b, 1, 3).equals("PNG")) {
            return "image/png";
        }
        if (n >= 12 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
            return "image/webp";
        }
        if (n >= 4 && (ascii(b, 0, 4).equals("II*\0") || ascii(b, 0, 4).equals("MM\0*"))) {
            return "image/tiff";
        }
        if (n >= 2 && ascii(b, 0, 2).equals("BM")) {
            return "image/bmp";
        }
        if (n >= 4 && ascii(b, 0, 4).startsWith("GIF8")) {
            return "image/gif";
        }
        return "application/octet-stream";
    }

    private static String ascii(byte[] b, int from, int length) {
        return new String(b, from, length, StandardCharsets.ISO_8859_1);
    }
}
