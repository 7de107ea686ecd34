package org.lightlyjava.server.datasource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The folder under which LOCAL datasources live ({@code --local-root}). Every path is resolved
 * against it and checked twice: by its text (relative, no {@code ..}) and by its real path (after
 * symbolic links), which must stay under the root's real path.
 */
public final class LocalRoot {

    private final Path root;

    public LocalRoot(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path path() {
        return root;
    }

    /**
     * Checks and normalises a LOCAL {@code fullPath}: empty for the root itself, else a relative
     * folder ending in {@code /}. A folder that exists must not lead out of the root. Lightly's URL
     * form ({@link LocalUrl}) names the folder by the URL's path.
     *
     * @throws DatasourceException INVALID naming {@code fullPath}
     */
    public String checkFolder(String fullPath) {
        if (fullPath == null) {
            throw DatasourceException.invalid("fullPath is missing");
        }
        if (LocalUrl.isUrl(fullPath)) {
            fullPath = LocalUrl.folder(fullPath);
        } else if (fullPath.contains("://")) {
            throw DatasourceException.invalid(
                    "fullPath of a LOCAL datasource is a folder under the server's local root,"
                            + " or an http(s) URL whose path is one, not: '"
                            + RelativePaths.shorten(fullPath)
                            + "'");
        }
        String folder =
                fullPath.endsWith("/") ? fullPath.substring(0, fullPath.length() - 1) : fullPath;
        if (folder.isEmpty()) {
            return "";
        }
        RelativePaths.check(folder, "fullPath", true);
        Path path = root.resolve(folder);
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            requireInside(path, "fullPath");
        }
        return folder + "/";
    }

    /**
     * The folder of a LOCAL datasource, which must exist.
     *
     * @throws DatasourceException NOT_FOUND when it does not exist, INVALID when it leads out
     */
    public Path folder(String fullPath) {
        Path folder = root.resolve(fullPath);
        Path real = requireInside(folder, "fullPath");
        if (!Files.isDirectory(real)) {
            throw new DatasourceException(
                    DatasourceException.Kind.NOT_FOUND,
                    "the local folder '" + fullPath + "' is not a folder");
        }
        return real;
    }

    /**
     * A file to read: it exists, is a regular file and its real path is under the root.
     *
     * @throws DatasourceException NOT_FOUND or INVALID
     */
    public Path fileToRead(String fullPath, String path) {
        RelativePaths.check(path, "path", true);
        Path real = requireInside(root.resolve(fullPath).resolve(path), "path");
        if (!Files.isRegularFile(real)) {
            throw new DatasourceException(
                    DatasourceException.Kind.NOT_FOUND, "no such file: " + fullPath + path);
        }
        return real;
    }

    /**
     * Where to write a file: its folder is created when missing, and that folder's real path is
     * under the root. The returned path is in the real folder, so a symbolic link in its place is
     * replaced, never followed.
     *
     * @throws DatasourceException INVALID when a part of the path leads out of the root
     */
    public Path fileToWrite(String fullPath, String path) throws IOException {
        RelativePaths.check(path, "path", true);
        Path target = root.resolve(fullPath).resolve(path);
        Path parent = target.getParent();
        requireInside(existingAncestor(parent), "path");
        Files.createDirectories(parent);
        Path realParent = requireInside(parent, "path");
        return realParent.resolve(target.getFileName().toString());
    }

    private static Path existingAncestor(Path path) {
        Path p = path;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? path.getRoot() : p;
    }

    private Path requireInside(Path path, String what) {
        Path realRoot;
        Path real;
        try {
            realRoot = root.toRealPath();
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            throw new DatasourceException(
                    DatasourceException.Kind.NOT_FOUND,
                    "no such file or folder under the local root: " + root.relativize(path));
        } catch (IOException e) {
            throw new DatasourceException(
                    DatasourceException.Kind.NOT_FOUND,
                    "cannot open " + root.relativize(path) + ": " + e.getMessage());
        }
        if (!real.startsWith(realRoot)) {
            throw DatasourceException.invalid(
                    what + " leads out of the server's local root (through a symbolic link)");
        }
        return real;
    }
}
