package org.lightlyjava.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The parity fixtures of {@code resources/parity} (made by its make_fixtures.py). */
public final class Parity {

    /** Lightly's zoo file for {@code resnet-9/simclr/d16/w0.125}, with the fixture's weights. */
    public static final String ZOO_FILE = "whattolabel-resnet9-simclr-d16-w0.125-i-7269c38d.pth";

    private Parity() {}

    /** A file of {@code src/test/resources/parity}. */
    public static Path file(String name) {
        return existing(Path.of("src/test/resources/parity", name));
    }

    /** A file of {@code src/test/resources/model}. */
    public static Path modelFile(String name) {
        return existing(Path.of("src/test/resources/model", name));
    }

    /** The example images of the repository, {@code examples/farm}. */
    public static Path farm() {
        return existing(Path.of("../examples/farm"));
    }

    private static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalStateException("missing test fixture " + path.toAbsolutePath());
        }
        return path.toAbsolutePath().normalize();
    }
}
