package org.lightlyjava.server.datasource;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a local folder, sorted by name, without {@code .lightly/} and upload leftovers.
 * Symbolic links to files inside the local root count; links that lead out of it, and linked
 * folders, are skipped (the walk never follows a folder link).
 */
final class LocalListing {

    /** Names of bodies still arriving; never listed. */
    static final String TEMP_PREFIX = ".lightly-upload-";

    private LocalListing() {}

    static ListPage page(
            Path folder,
            LocalRoot root,
            ListPage.Position position,
            long from,
            long to,
            int pageSize) {
        String after = position == null ? null : position.startAfter();
        List<ListPage.Entry> all = walk(folder, root, Integer.MAX_VALUE);
        all.sort((a, b) -> a.name().compareTo(b.name()));
        List<ListPage.Entry> page = new ArrayList<>();
        ListPage.Position next = null;
        for (ListPage.Entry entry : all) {
            if ((after != null && entry.name().compareTo(after) <= 0)
                    || entry.lastModified() < from
                    || entry.lastModified() > to) {
                continue;
            }
            if (page.size() == pageSize) {
                next = new ListPage.Position(null, page.get(page.size() - 1).name());
                break;
            }
            page.add(entry);
        }
        return new ListPage(page, next);
    }

    /** Up to {@code limit} files, in walk order. */
    static List<ListPage.Entry> walk(Path folder, LocalRoot root, int limit) {
        List<ListPage.Entry> out = new ArrayList<>();
        try {
            Files.walkFileTree(folder, new Collector(folder, root, out, limit));
        } catch (IOException e) {
            throw new DatasourceException(
                    DatasourceException.Kind.NOT_FOUND,
                    "cannot list the local folder: " + e.getClass().getSimpleName());
        }
        return out;
    }

    private static final class Collector extends SimpleFileVisitor<Path> {
        private final Path folder;
        private final LocalRoot root;
        private final List<ListPage.Entry> out;
        private final int limit;

        Collector(Path folder, LocalRoot root, List<ListPage.Entry> out, int limit) {
            this.folder = folder;
            this.root = root;
            this.out = out;
            this.limit = limit;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return dir.equals(folder.resolve(".lightly"))
                    ? FileVisitResult.SKIP_SUBTREE
                    : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            String name = relative(file);
            if (file.getFileName().toString().startsWith(TEMP_PREFIX)) {
                return FileVisitResult.CONTINUE;
            }
            if (attrs.isRegularFile()) {
                out.add(
                        new ListPage.Entry(
                                name, attrs.lastModifiedTime().toInstant().getEpochSecond()));
            } else if (attrs.isSymbolicLink() && insideRoot(file)) {
                out.add(
                        new ListPage.Entry(
                                name,
                                Files.getLastModifiedTime(file).toInstant().getEpochSecond()));
            }
            return out.size() >= limit ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE; // unreadable: not listed
        }

        private boolean insideRoot(Path link) {
            try {
                Path real = link.toRealPath();
                return Files.isRegularFile(real) && real.startsWith(root.path().toRealPath());
            } catch (IOException e) {
                return false;
            }
        }

        private String relative(Path file) {
            StringBuilder name = new StringBuilder();
            for (Path part : folder.relativize(file)) {
                if (name.length() > 0) {
                    name.append('/');
                }
                name.append(part);
            }
            return name.toString();
        }
    }
}
