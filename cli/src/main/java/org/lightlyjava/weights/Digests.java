package org.lightlyjava.weights;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.CRC32C;

/**
 * The checksums a server states for a whole file: Google Cloud Storage's {@code x-goog-hash}
 * ({@code crc32c=...,md5=...}, where Lightly's zoo lives) and {@code Content-MD5} of a complete
 * response. A file is checked against whichever were given; none given, nothing to check.
 *
 * @param md5 base64 MD5, or {@code null}
 * @param crc32c base64 big-endian CRC32C, or {@code null}
 */
record Digests(String md5, String crc32c) {

    static final Digests NONE = new Digests(null, null);

    /** The digests of {@code headers}; {@code whole} says whether the body is the whole file. */
    static Digests of(HttpHeaders headers, boolean whole) {
        String md5 = whole ? headers.firstValue("Content-MD5").orElse(null) : null;
        String crc32c = null;
        for (String value : headers.allValues("x-goog-hash")) {
            for (String part : value.split(",")) {
                String p = part.strip();
                if (p.startsWith("md5=")) {
                    md5 = p.substring(4);
                } else if (p.startsWith("crc32c=")) {
                    crc32c = p.substring(7);
                }
            }
        }
        return new Digests(md5, crc32c);
    }

    /** These digests, or {@code other}'s where these have none. */
    Digests or(Digests other) {
        return new Digests(md5 != null ? md5 : other.md5, crc32c != null ? crc32c : other.crc32c);
    }

    /** Throws when {@code file} does not match a stated digest. */
    void verify(Path file) throws IOException {
        if (md5 == null && crc32c == null) {
            return;
        }
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                md.update(buffer, 0, n);
                crc.update(buffer, 0, n);
            }
        }
        Base64.Encoder b64 = Base64.getEncoder();
        if (md5 != null && !md5.equals(b64.encodeToString(md.digest()))) {
            throw new IOException("its MD5 differs from the one the server states");
        }
        long c = crc.getValue();
        byte[] big = {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c};
        if (crc32c != null && !crc32c.equals(b64.encodeToString(big))) {
            throw new IOException("its CRC32C differs from the one the server states");
        }
    }
}
