package org.lightlyjava.torchfile;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a checkpoint in the zip format of {@code torch.save} (PyTorch 1.6 and later), which {@code
 * torch.load} reads: {@code <root>/data.pkl}, {@code <root>/byteorder}, one entry per tensor under
 * {@code <root>/data/} (stored, 64-byte aligned as PyTorch aligns them), {@code <root>/version}.
 *
 * <p>Values: maps (as dicts), {@link #orderedDict ordered dicts} (as {@code OrderedDict}, which
 * state dicts are), lists, strings, integers, floats, booleans, {@code null} and {@link Tensor}s.
 */
public final class TorchWriter {

    private static final int ALIGNMENT = 64;
    private static final int PADDING_FIELD = 0x4246; // "FB", PyTorch's padding extra field
    private static final long ENTRY_TIME = 946_684_800_000L; // 2000-01-01: same bytes every time

    private TorchWriter() {}

    /** Marks a map to be written as an {@code OrderedDict}, keeping its order. */
    public static Object orderedDict(Map<String, ?> entries) {
        return new PickleWriter.OrderedDict(entries);
    }

    /** Writes {@code value} to {@code file} (replacing it; not atomic: write a temp file). */
    public static void write(Path file, Object value) throws IOException {
        List<Tensor> storages = new ArrayList<>();
        byte[] pickle = new PickleWriter(storages).pickle(value);
        String root = rootName(file);
        try (CountingStream counter =
                        new CountingStream(new BufferedOutputStream(Files.newOutputStream(file)));
                ZipOutputStream zip = new ZipOutputStream(counter)) {
            put(zip, counter, root + "/data.pkl", pickle);
            put(zip, counter, root + "/byteorder", "little".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < storages.size(); i++) {
                put(zip, counter, root + "/data/" + i, storages.get(i).bytes());
            }
            put(zip, counter, root + "/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** PyTorch names the folder inside the zip after the file; any name is read back. */
    private static String rootName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        String stem = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9_]", "_");
        return stem.isEmpty() ? "archive" : stem;
    }

    private static void put(ZipOutputStream zip, CountingStream counter, String name, byte[] bytes)
            throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        entry.setTime(ENTRY_TIME);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        // local header: 30 bytes, the name, then the extra field whose padding aligns the data
        long start = counter.count + 30 + name.getBytes(StandardCharsets.UTF_8).length + 4;
        int pad = (int) ((ALIGNMENT - start % ALIGNMENT) % ALIGNMENT);
        byte[] extra = new byte[4 + pad];
        extra[0] = (byte) PADDING_FIELD;
        extra[1] = (byte) (PADDING_FIELD >>> 8);
        extra[2] = (byte) pad;
        extra[3] = (byte) (pad >>> 8);
        entry.setExtra(extra);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Counts the bytes the zip stream has written so far. */
    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
