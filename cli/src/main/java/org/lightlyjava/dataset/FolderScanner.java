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
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans a folder the way Lightly's {@code LightlyDataset} does (reference §3), so file names,
 * labels and order match Lightly's:
 *
 * <ul>
 *   <li>with sub-folders, each direct sub-folder is a class (sorted by name, label = index) and its
 *       images are collected recursively, following symbolic links, directory by directory in
 *       sorted path order and file name order within one, as torchvision's {@code ImageFolder};
 *       files directly in the folder are then ignored;
 *   <li>without sub-folders, the images directly in the folder, sorted, all with label 0.
 * </ul>
 *
 * Folders whose name contains {@code lightly_outputs} (our own run folders) and hidden folders are
 * skipped. Names with commas and over-long paths are refused, each with its reason.
 */
final class FolderScanner {

    private static final Logger log = LoggerFactory.getLogger(FolderScanner.class);

    private FolderScanner() {}

    record Result(
            List<Sample> samples, List<String> classes, List<ImageSource.Rejected> rejected) {}

    static Result scan(Path root) {
        if (!Files.isDirectory(root)) {
            throw new DatasetException("The input directory " + root + " does not exist!");
        }
        List<Path> top = list(root);
        List<Path> classDirs = top.stream().filter(FolderScanner::isClassDir).toList();
        long videos = top.stream().filter(p -> FileNames.isVideo(name(p))).count();
        if (videos > 0) {
            log.warn(
                    "{} video file(s) in {} are ignored: lightly-java reads images only",
                    videos,
                    root);
        }
        Result result = new Result(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        if (classDirs.isEmpty()) {
            result.classes().add("");
            for (Path file : top) {
                if (Files.isRegularFile(file)) {
                    accept(root, file, 0, result);
                }
            }
        } else {
            long ignored =
                    top.stream()
                            .filter(p -> Files.isRegularFile(p) && FileNames.isImage(name(p)))
                            .count();
            if (ignored > 0) {
                log.warn(
                        "{} image(s) directly in {} are ignored: with sub-folders, only images "
                                + "inside the class folders count (as in Lightly)",
                        ignored,
                        root);
            }
            for (int label = 0; label < classDirs.size(); label++) {
                Path dir = classDirs.get(label);
                result.classes().add(name(dir));
                int before = result.samples().size();
                for (Path file : walk(dir)) {
                    accept(root, file, label, result);
                }
                if (result.samples().size() == before) {
                    log.warn("class folder {} holds no images", name(dir));
                }
            }
        }
        return new Result(
                List.copyOf(result.samples()),
                List.copyOf(result.classes()),
                List.copyOf(result.rejected()));
    }

    private static void accept(Path root, Path file, int label, Result result) {
        String fileName = name(file);
        if (!FileNames.isImage(fileName)) {
            return;
        }
        String relative =
                root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        FileNames.problem(relative, file.toString())
                .ifPresentOrElse(
                        reason -> result.rejected().add(new ImageSource.Rejected(relative, reason)),
                        () -> result.samples().add(new Sample(relative, label)));
    }

    /** Regular files under {@code dir}, grouped by directory in path order, names sorted. */
    private static List<Path> walk(Path dir) {
        Map<String, List<Path>> byDir = new TreeMap<>();
        try {
            Files.walkFileTree(
                    dir,
                    EnumSet.of(FileVisitOption.FOLLOW_LINKS),
                    Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isRegularFile()) {
                                byDir.computeIfAbsent(
                                                file.getParent().toString(), k -> new ArrayList<>())
                                        .add(file);
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
            throw new DatasetException("cannot scan " + dir + ": " + e.getMessage(), e);
        }
        List<Path> out = new ArrayList<>();
        for (List<Path> files : byDir.values()) {
            files.sort(Comparator.comparing(FolderScanner::name));
            out.addAll(files);
        }
        return out;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted(Comparator.comparing(FolderScanner::name)).toList();
        } catch (IOException e) {
            throw new DatasetException(
                    "cannot read the input directory " + dir + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new DatasetException(
                    "cannot read the input directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isClassDir(Path path) {
        String name = name(path);
        return Files.isDirectory(path)
                && !name.contains("lightly_outputs")
                && !name.startsWith(".");
    }

    private static String name(Path path) {
        return path.getFileName().toString();
    }
}
