package org.lightlyjava.server;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The data folder holds the signing key and the database: only its owner may enter it (0700), and
 * only the owner may read the SQLite database (0600; SQLite gives its WAL and shared-memory files
 * the database file's mode).
 */
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

    /** Creates an empty database file (mode 0600) when there is none; SQLite fills it in. */
    static void prepareDatabase(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.createFile(
                    file,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // not POSIX: SQLite creates it with the platform's defaults
        } catch (FileAlreadyExistsException e) {
            // another process made it in between
        }
    }
}
