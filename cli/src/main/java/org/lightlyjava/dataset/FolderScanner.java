package org.lightlyjava.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.lightlyjava.api.Printable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans a folder the way Lightly's {@code LightlyDataset} does (reference §3): lists the top level
 * and walks the class folders (following symbolic links), then leaves names, labels and order to
 * {@link DatasetLayout}, the rule S3 listings go through too.
 */
final class FolderScanner {

    private static final Logger log = LoggerFactory.getLogger(FolderScanner.class);

    private FolderScanner() {}

    static DatasetLayout.Layout scan(Path root) {
        if (!Files.isDirectory(root)) {
            throw new DatasetException(
                    Files.exists(root)
                            ? "input_dir must be a folder of images, but "
                                    + Printable.name(root)
                                    + " is a file."
                            : "The input directory " + Printable.name(root) + " does not exist!");
        }
        List<String> dirs = new ArrayList<>();
        List<String> files = new ArrayList<>();
        Map<String, String> unreadable = new HashMap<>();
        for (Path entry : list(root)) {
            String name = entry.getFileName().toString();
            if (Files.isDirectory(entry)) {
                dirs.add(name);
                if (DatasetLayout.isClassDir(name)) {
                    walk(root, entry, files, unreadable);
                }
            } else if (Files.isRegularFile(entry)) {
                files.add(name);
            } else {
                files.add(name);
                unreadable.put(name, notAFile(Files.isSymbolicLink(entry)));
            }
        }
        return DatasetLayout.arrange(
                dirs,
                files,
                unreadable,
                relative -> root.resolve(relative).toString(),
                root.toString());
    }

    /** Why an entry that is neither a folder nor a regular file cannot be an image. */
    private static String notAFile(boolean symbolicLink) {
        return symbolicLink
                ? "a symbolic link to a file that does not exist"
                : "not a regular file (a FIFO, socket or device)";
    }

    /** Adds the relative paths of the regular files under {@code dir}. */
    private static void walk(
            Path root, Path dir, List<String> files, Map<String, String> unreadable) {
        String separator = root.getFileSystem().getSeparator();
        try {
            Files.walkFileTree(
                    dir,
                    EnumSet.of(FileVisitOption.FOLLOW_LINKS),
                    Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            String relative =
                                    root.relativize(file).toString().replace(separator, "/");
                            if (attrs.isRegularFile()) {
                                files.add(relative);
                            } else if (attrs.isSymbolicLink() || attrs.isOther()) {
                                // a dangling link (walkFileTree falls back to the link itself)
                                files.add(relative);
                                unreadable.put(relative, notAFile(attrs.isSymbolicLink()));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            if (e instanceof FileSystemLoopException) {
                                log.warn("symbolic link loop at {} skipped", file);
                            } else {
                                log.warn("cannot read {}: {}", file, e.getMessage());
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new DatasetException(
                    "cannot scan " + Printable.name(dir) + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        } catch (IOException | UncheckedIOException e) {
            throw new DatasetException(
                    "cannot read the input directory "
                            + Printable.name(dir)
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }
}
