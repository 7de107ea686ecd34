package org.lightlyjava.weights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.lightlyjava.torchfile.TorchReader;

/**
 * Whether a downloaded or cached file is whole: a PyTorch checkpoint must read completely (every
 * storage present, every checksum right, nothing but tensors and containers), a TorchScript module
 * must pass every entry's checksum. Other files (ONNX) are taken as they are.
 */
final class FileCheck {

    private FileCheck() {}

    /** Throws when {@code file} is truncated, damaged, or not what it claims to be. */
    static void check(Path file) throws IOException {
        switch (TorchReader.kind(file)) {
            case ZIP, LEGACY -> {
                if (!(TorchReader.read(file) instanceof Map<?, ?>)) {
                    throw new IOException("it holds no dict of weights");
                }
            }
            case TORCHSCRIPT -> checkZip(file);
            case OTHER -> {}
        }
    }

    private static void checkZip(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            byte[] buffer = new byte[1 << 16];
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                CRC32 crc = new CRC32();
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        crc.update(buffer, 0, n);
                    }
                }
                if (entry.getCrc() != -1 && entry.getCrc() != crc.getValue()) {
                    throw new IOException(entry.getName() + " is damaged");
                }
            }
        } catch (ZipException e) {
            throw new IOException("a damaged or truncated zip: " + e.getMessage(), e);
        }
    }
}
