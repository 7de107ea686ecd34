package org.lightlyjava.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Images in a local folder, scanned as Lightly does (see {@link DatasetLayout}). */
public final class FolderSource implements ImageSource {

    private final Path root;
    private final DatasetLayout.Layout scan;

    private FolderSource(Path root, DatasetLayout.Layout scan) {
        this.root = root;
        this.scan = scan;
    }

    /**
     * Scans {@code root}.
     *
     * @throws DatasetException when the folder does not exist or cannot be read
     */
    public static FolderSource scan(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        return new FolderSource(absolute, FolderScanner.scan(absolute));
    }

    @Override
    public List<Sample> samples() {
        return scan.samples();
    }

    @Override
    public List<String> classes() {
        return scan.classes();
    }

    @Override
    public List<Rejected> rejected() {
        return scan.rejected();
    }

    @Override
    public byte[] read(Sample sample) throws IOException {
        return Files.readAllBytes(file(sample));
    }

    /** The local file of a sample. */
    public Path file(Sample sample) {
        return root.resolve(sample.fileName());
    }

    public Path root() {
        return root;
    }

    @Override
    public String describe() {
        return root.toString();
    }
}
