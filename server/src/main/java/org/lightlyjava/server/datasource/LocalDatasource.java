package org.lightlyjava.server.datasource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lightlyjava.api.model.DatasourceConfigVerifyData;
import org.lightlyjava.server.blob.DatasourceKey;
import org.lightlyjava.server.blob.SignedUrls;
import org.lightlyjava.server.blob.TooLargeException;

/**
 * A folder under the server's local root. Its URLs are the server's own signed blob URLs ({@link
 * DatasourceKey}); the blob route reads and writes the files through {@link #read} and {@link
 * #write}, which never leave the local root.
 */
public final class LocalDatasource implements Datasource {

    private static final int BUFFER = 64 * 1024;

    private final LocalRoot root;
    private final String fullPath;
    private final String datasetId;
    private final String purpose;
    private final SignedUrls urls;

    LocalDatasource(
            LocalRoot root, String fullPath, String datasetId, String purpose, SignedUrls urls) {
        this.root = root;
        this.fullPath = fullPath;
        this.datasetId = datasetId;
        this.purpose = purpose;
        this.urls = urls;
    }

    @Override
    public DatasourceConfigVerifyData verify() {
        return new LocalProbe(this, root, fullPath).run();
    }

    @Override
    public ListPage list(ListPage.Position position, long from, long to, int pageSize) {
        return LocalListing.page(root.folder(fullPath), root, position, from, to, pageSize);
    }

    @Override
    public ListPage listFolder(
            String folder, ListPage.Position position, long from, long to, int pageSize) {
        Path under = root.folder(fullPath).resolve(folder);
        if (!Files.isDirectory(under)) {
            return new ListPage(List.of(), null);
        }
        return LocalListing.page(
                root.folder(fullPath + folder), root, position, from, to, pageSize);
    }

    @Override
    public String readUrl(String base, String path) {
        RelativePaths.check(path, "fileName", true);
        return urls.datasourceUrl(base, "GET", DatasourceKey.file(datasetId, purpose, path));
    }

    @Override
    public String readUrl(String base, String path, Duration ttl) {
        RelativePaths.check(path, "fileName", true);
        return urls.datasourceReadUrl(base, DatasourceKey.file(datasetId, purpose, path), ttl);
    }

    @Override
    public String writeUrl(String base, String path) {
        RelativePaths.check(path, "fileName", true);
        return urls.datasourceUrl(base, "PUT", DatasourceKey.file(datasetId, purpose, path));
    }

    @Override
    public Set<String> existing(Collection<String> paths) {
        Set<String> found = new HashSet<>();
        for (String path : paths) {
            try {
                root.fileToRead(fullPath, path);
                found.add(path);
            } catch (DatasourceException e) {
                // absent, or not ours to read: a write URL will tell
            }
        }
        return found;
    }

    @Override
    public String unreadable(String path) {
        try {
            root.fileToRead(fullPath, path);
            return null;
        } catch (DatasourceException e) {
            return "local folder: " + e.getMessage();
        }
    }

    /**
     * The file to answer a GET with.
     *
     * @throws DatasourceException NOT_FOUND, or INVALID for a path out of the local root
     */
    public Path read(String path) {
        return root.fileToRead(fullPath, path);
    }

    /**
     * Stores a body at {@code path}, atomically: it arrives in a hidden temporary file beside the
     * target, then replaces it.
     *
     * @throws TooLargeException when the body is longer than {@code maxBytes}
     */
    public void write(String path, InputStream body, long maxBytes) throws IOException {
        Path target = root.fileToWrite(fullPath, path);
        Path temp = Files.createTempFile(target.getParent(), LocalListing.TEMP_PREFIX, ".part");
        try {
            copy(body, temp, maxBytes);
            Files.move(
                    temp,
                    target,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void copy(InputStream in, Path temp, long maxBytes) throws IOException {
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
        }
    }

    /** Deletes a file (the probe); false when it was not there. */
    boolean delete(String path) throws IOException {
        return Files.deleteIfExists(root.fileToWrite(fullPath, path));
    }
}
