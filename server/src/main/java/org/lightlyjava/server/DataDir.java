package org.lightlyjava.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The data folder holds the signing key and the database: only its owner may enter it. */
final class DataDir {

    private DataDir() {}

    /** Creates the folder (mode 0700) when it does not exist. */
    static void prepare(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not POSIX: the platform's defaults apply
        }
    }
}
