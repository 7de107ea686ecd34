package org.lightlyjava.dataset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lightly's rule for which files of a dataset are samples, with which label, in which order
 * (reference §3), as one pure function over relative paths. A local folder and an S3 listing both
 * go through it, so a bucket read directly and the same bucket synced to disk give the same rows.
 *
 * <ul>
 *   <li>With sub-folders, each direct sub-folder is a class (sorted by name, label = index) and its
 *       images are collected recursively, directory by directory in sorted path order and file name
 *       order within one, as torchvision's {@code ImageFolder} does over {@code sorted(os.walk())};
 *       files directly at the top are then ignored.
 *   <li>Without sub-folders, the images at the top, sorted, all with label 0.
 * </ul>
 *
 * Top-level folders whose name contains {@code lightly_outputs} (run folders) or starts with a dot
 * (such as {@code .lightly/}, where thumbnails go) are no classes. Names with commas or line breaks
 * and over-long full paths are refused, each with its reason.
 */
public final class DatasetLayout {

    private static final Logger log = LoggerFactory.getLogger(DatasetLayout.class);

    /**
     * The order of {@link #arrange}'s samples: by label, then folder path, then file name. Sources
     * find a sample's position with it (binary search) without an index.
     */
    public static final Comparator<Sample> ORDER =
            Comparator.comparingInt(Sample::label)
                    .thenComparing(sample -> folder(sample.fileName()))
                    .thenComparing(Sample::fileName);

    private DatasetLayout() {}

    /**
     * The outcome of a scan.
     *
     * @param samples accepted images in dataset order
     * @param classes class names in label order, or a single {@code ""} for a flat dataset
     * @param rejected images found but refused, in scan order
     */
    public record Layout(
            List<Sample> samples, List<String> classes, List<ImageSource.Rejected> rejected) {

        public Layout {
            samples = List.copyOf(samples);
            classes = List.copyOf(classes);
            rejected = List.copyOf(rejected);
        }
    }

    /** Whether a top-level folder of this name is a class (not a run folder, not hidden). */
    public static boolean isClassDir(String name) {
        return !name.contains("lightly_outputs") && !name.startsWith(".");
    }

    /**
     * Arranges files into Lightly's samples.
     *
     * @param topDirs names of the top-level folders, including empty ones (folders implied by
     *     {@code files} are added); hidden and run folders may be included, they are skipped here
     * @param files relative paths of the regular files, {@code /}-separated: those at the top and
     *     every file under the class folders (files under other folders are ignored)
     * @param fullPath the location of a relative path, whose length Lightly limits
     * @param where the dataset's location, for messages
     */
    public static Layout arrange(
            Collection<String> topDirs,
            Collection<String> files,
            UnaryOperator<String> fullPath,
            String where) {
        return arrange(topDirs, files, Map.of(), fullPath, where);
    }

    /**
     * As {@link #arrange(Collection, Collection, UnaryOperator, String)}, with files that cannot be
     * read as images (a dangling symbolic link, a FIFO): those named like images are refused with
     * their reason, so they are reported rather than skipped silently.
     *
     * @param unreadable relative path to why it cannot be read; the paths are in {@code files} too
     */
    public static Layout arrange(
            Collection<String> topDirs,
            Collection<String> files,
            Map<String, String> unreadable,
            UnaryOperator<String> fullPath,
            String where) {
        TreeSet<String> dirs = new TreeSet<>(topDirs);
        List<String> top = new ArrayList<>();
        Map<String, Map<String, List<String>>> byClass = new HashMap<>();
        for (String file : files) {
            int first = file.indexOf('/');
            if (first < 0) {
                top.add(file);
                continue;
            }
            String dir = file.substring(0, first);
            dirs.add(dir);
            byClass.computeIfAbsent(dir, k -> new TreeMap<>())
                    .computeIfAbsent(
                            file.substring(0, file.lastIndexOf('/')), k -> new ArrayList<>())
                    .add(file);
        }
        top.sort(null);
        warnAboutVideos(top, dirs, where);
        List<String> classDirs = dirs.stream().filter(DatasetLayout::isClassDir).toList();
        Collector out = new Collector(fullPath, unreadable);
        if (classDirs.isEmpty()) {
            out.classes.add("");
            top.forEach(file -> out.accept(file, 0));
        } else {
            warnAboutIgnoredTopImages(top, where);
            for (int i = 0; i < classDirs.size(); i++) {
                String dir = classDirs.get(i);
                int label = i;
                out.classes.add(dir);
                int before = out.samples.size();
                for (List<String> inOneDir : byClass.getOrDefault(dir, Map.of()).values()) {
                    inOneDir.stream().sorted().forEach(file -> out.accept(file, label));
                }
                if (out.samples.size() == before) {
                    log.warn("class folder {} holds no images", dir);
                }
            }
        }
        return new Layout(out.samples, out.classes, out.rejected);
    }

    private static String folder(String relative) {
        return relative.substring(0, Math.max(0, relative.lastIndexOf('/')));
    }

    private static void warnAboutVideos(List<String> top, Collection<String> dirs, String where) {
        long videos =
                top.stream().filter(FileNames::isVideo).count()
                        + dirs.stream().filter(FileNames::isVideo).count();
        if (videos > 0) {
            log.warn(
                    "{} video file(s) in {} are ignored: lightly-java reads images only",
                    videos,
                    where);
        }
    }

    private static void warnAboutIgnoredTopImages(List<String> top, String where) {
        long ignored = top.stream().filter(FileNames::isImage).count();
        if (ignored > 0) {
            log.warn(
                    "{} image(s) directly in {} are ignored: with sub-folders, only images "
                            + "inside the class folders count (as in Lightly)",
                    ignored,
                    where);
        }
    }

    /** Accepts or refuses files into the three lists of a {@link Layout}. */
    private static final class Collector {
        final List<Sample> samples = new ArrayList<>();
        final List<String> classes = new ArrayList<>();
        final List<ImageSource.Rejected> rejected = new ArrayList<>();
        private final UnaryOperator<String> fullPath;
        private final Map<String, String> unreadable;

        Collector(UnaryOperator<String> fullPath, Map<String, String> unreadable) {
            this.fullPath = fullPath;
            this.unreadable = unreadable;
        }

        void accept(String relative, int label) {
            if (!FileNames.isImage(relative)) {
                return;
            }
            String unread = unreadable.get(relative);
            if (unread != null) {
                rejected.add(new ImageSource.Rejected(relative, unread));
                return;
            }
            FileNames.problem(relative, fullPath.apply(relative))
                    .ifPresentOrElse(
                            reason -> rejected.add(new ImageSource.Rejected(relative, reason)),
                            () -> samples.add(new Sample(relative, label)));
        }
    }
}
