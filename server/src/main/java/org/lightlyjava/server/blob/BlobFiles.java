package org.lightlyjava.server.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blobs as files under {@code <data>/blobs}: {@code <datasetId>/thumbnail/<xx>/<sampleId>}, {@code
 * <datasetId>/full/<xx>/<sampleId>} ({@code xx}: the id's last two characters, so no folder grows
 * past a few thousand entries) and {@code <datasetId>/embeddings/<embeddingId>.csv}. Bodies arrive
 * in {@code blobs/.incoming} and are moved into place atomically: a half-written blob is never
 * seen.
 */
public final class BlobFiles {

    private static final Logger LOG = LoggerFactory.getLogger(BlobFiles.class);
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path incoming;

    private BlobFiles(Path root) {
        this.root = root;
        this.incoming = root.resolve(".incoming");
    }

    /** Opens (creates) {@code <dataDir>/blobs}, dropping bodies a crash left half-received. */
    public static BlobFiles open(Path dataDir) throws IOException {
        BlobFiles files = new BlobFiles(dataDir.resolve("blobs"));
        Files.createDirectories(files.incoming);
        try (Stream<Path> leftovers = Files.list(files.incoming)) {
            for (Path leftover : leftovers.toList()) {
                Files.deleteIfExists(leftover);
            }
        }
        return files;
    }

    /** Where the blob lives (whether or not it exists). */
    public Path path(BlobKey key) {
        Path dataset = root.resolve(key.datasetId());
        String id = key.id();
        return switch (key.kind()) {
            case THUMBNAIL -> dataset.resolve("thumbnail").resolve(shard(id)).resolve(id);
            case FULL -> dataset.resolve("full").resolve(shard(id)).resolve(id);
            case EMBEDDINGS_CSV -> dataset.resolve("embeddings").resolve(id + ".csv");
        };
    }

    /** A file beside an embedding's CSV, for what is computed from it. */
    public Path embeddingFile(String datasetId, String embeddingId, String suffix) {
        return root.resolve(datasetId).resolve("embeddings").resolve(embeddingId + suffix);
    }

    private static String shard(String id) {
        return id.substring(id.length() - 2);
    }

    /**
     * Copies a request body into a new temporary file, at most {@code maxBytes}.
     *
     * @return the file; the caller moves it into place with {@link #commit} or deletes it
     * @throws TooLargeException when the body is longer (the temporary file is gone)
     */
    public Path receive(InputStream in, long maxBytes) throws IOException {
        Path temp = newTemp();
        try (OutputStream out = Files.newOutputStream(temp)) {
            byte[] buffer = new byte[BUFFER];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > maxBytes) {
                    throw new TooLargeException(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    /** A new empty file in the incoming folder. */
    public Path newTemp() throws IOException {
        return Files.createTempFile(incoming, "blob", ".part");
    }

    /** Moves a received file into place, atomically replacing an older version. */
    public void commit(Path temp, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes every blob of a dataset; failures are logged, not thrown. */
    public void deleteDataset(String datasetId) {
        Path folder = root.resolve(datasetId);
        try {
            Files.walkFileTree(folder, new Deleter());
        } catch (NoSuchFileException e) {
            // nothing was ever uploaded
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not delete all blobs of dataset {}: {}", datasetId, e.toString());
        }
    }

    private static final class Deleter extends SimpleFileVisitor<Path> {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
        }
    }
}
