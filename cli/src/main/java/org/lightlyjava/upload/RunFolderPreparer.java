package org.lightlyjava.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.lightlyjava.api.model.ApiJson;
import org.lightlyjava.dataset.Sample;

/**
 * Prepares samples from what lightly-magic's embedding pass left in the run folder, so no image is
 * decoded twice: {@code metadata.jsonl} (metadata and EXIF per image) and {@code
 * thumbnails/<name>_thumb.webp}. Keeps only an index of line offsets in memory; thread-safe.
 */
final class RunFolderPreparer implements Preparer, AutoCloseable {

    private static final ObjectMapper JSON = ApiJson.mapper();

    private final FileChannel metadata;
    private final Map<String, long[]> lines;
    private final Path thumbnails;
    private final UploadMode mode;

    private RunFolderPreparer(
            FileChannel metadata, Map<String, long[]> lines, Path thumbnails, UploadMode mode) {
        this.metadata = metadata;
        this.lines = lines;
        this.thumbnails = thumbnails;
        this.mode = mode;
    }

    /**
     * @param metadataFile the run folder's {@code metadata.jsonl}
     * @param thumbnailDir the run folder's {@code thumbnails} folder
     */
    static RunFolderPreparer open(Path metadataFile, Path thumbnailDir, UploadMode mode)
            throws IOException {
        Map<String, long[]> index = index(metadataFile);
        FileChannel channel = FileChannel.open(metadataFile, StandardOpenOption.READ);
        return new RunFolderPreparer(channel, index, thumbnailDir, mode);
    }

    @Override
    public PreparedSample prepare(Sample sample) {
        long[] where = lines.get(sample.fileName());
        if (where == null) {
            return PreparedSample.failed(sample, "not in metadata.jsonl (it was not embedded)");
        }
        try {
            JsonNode line = JSON.readTree(read(where[0], (int) where[1]));
            JsonNode exif = line.get("exif");
            byte[] thumbnail = null;
            if (mode.thumbnails()) {
                thumbnail =
                        Files.readAllBytes(
                                thumbnails.resolve(UploadMode.thumbName(sample.fileName())));
            }
            return new PreparedSample(
                    sample,
                    line.get("metaData"),
                    exif == null || exif.isNull() || exif.isEmpty() ? null : exif,
                    thumbnail,
                    null);
        } catch (NoSuchFileException e) {
            return PreparedSample.failed(
                    sample, "thumbnail missing from the run folder: " + e.getFile());
        } catch (IOException e) {
            return PreparedSample.failed(sample, "cannot read the run folder: " + e.getMessage());
        }
    }

    private byte[] read(long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (metadata.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException("metadata.jsonl ends early");
            }
        }
        return buffer.array();
    }

    /**
     * File name to {offset, length} of its line; the name is read from the line's start. Reads the
     * file in blocks and scans them for line ends (a read per byte took seconds for 10,000 lines).
     */
    private static Map<String, long[]> index(Path file) throws IOException {
        Map<String, long[]> out = new HashMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] block = new byte[1 << 16];
            byte[] line = new byte[4096];
            int length = 0;
            long offset = 0;
            for (int n = in.read(block); n >= 0; n = in.read(block)) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (block[i] != '\n') {
                        continue;
                    }
                    line = append(line, length, block, from, i - from);
                    length += i - from;
                    add(out, Arrays.copyOf(line, length), offset);
                    offset += length + 1;
                    length = 0;
                    from = i + 1;
                }
                line = append(line, length, block, from, n - from);
                length += n - from;
            }
            if (length > 0) {
                add(out, Arrays.copyOf(line, length), offset);
            }
        }
        return out;
    }

    /**
     * {@code line} (holding {@code length} bytes) with {@code count} bytes of {@code from} added.
     */
    private static byte[] append(byte[] line, int length, byte[] from, int start, int count) {
        byte[] to = line;
        if (length + count > line.length) {
            to = Arrays.copyOf(line, Math.max(2 * line.length, length + count));
        }
        System.arraycopy(from, start, to, length, count);
        return to;
    }

    private static final byte[] PREFIX = "{\"fileName\":\"".getBytes(StandardCharsets.UTF_8);

    private static void add(Map<String, long[]> index, byte[] line, long offset) {
        String quick = quickName(line);
        if (quick != null) {
            index.put(quick, new long[] {offset, line.length});
            return;
        }
        try {
            JsonNode name = JSON.readTree(line).get("fileName");
            if (name != null) {
                index.put(name.asText(), new long[] {offset, line.length});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "metadata.jsonl has a broken line at byte "
                            + offset
                            + ": "
                            + new String(
                                    line, 0, Math.min(80, line.length), StandardCharsets.UTF_8),
                    e);
        }
    }

    /**
     * The file name of a line as the embedding pass writes it ({@code {"fileName":"...",}), without
     * parsing the whole line; null when the line looks otherwise or the name has escapes.
     */
    private static String quickName(byte[] line) {
        if (line.length <= PREFIX.length
                || !Arrays.equals(line, 0, PREFIX.length, PREFIX, 0, PREFIX.length)) {
            return null;
        }
        for (int i = PREFIX.length; i < line.length; i++) {
            if (line[i] == '\\') {
                return null;
            }
            if (line[i] == '"') {
                return new String(line, PREFIX.length, i - PREFIX.length, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        metadata.close();
    }
}
