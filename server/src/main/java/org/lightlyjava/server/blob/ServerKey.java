package org.lightlyjava.server.blob;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The server's keys: 32 random bytes each in a file of the data folder, made on first start,
 * readable by its owner only (mode 0600). {@code server.key} signs URLs; {@code datasource.key}
 * encrypts datasource secrets.
 */
public final class ServerKey {

    static final String FILE = "server.key";
    private static final int LENGTH = 32;

    private ServerKey() {}

    /** Reads the signing key, creating it first when the data folder has none. */
    public static byte[] loadOrCreate(Path dataDir) throws IOException {
        return loadOrCreate(dataDir, FILE);
    }

    /** Reads the key in {@code fileName}, creating it first when the data folder has none. */
    public static byte[] loadOrCreate(Path dataDir, String fileName) throws IOException {
        Path file = dataDir.resolve(fileName);
        if (!Files.exists(file)) {
            create(dataDir, file);
        }
        byte[] key = Files.readAllBytes(file);
        if (key.length != LENGTH) {
            throw new IOException(file + " must hold " + LENGTH + " bytes; delete it to renew");
        }
        return key;
    }

    private static void create(Path dataDir, Path file) throws IOException {
        byte[] key = new byte[LENGTH];
        new SecureRandom().nextBytes(key);
        Path temp = Files.createTempFile(dataDir, ".server-key", ".tmp");
        try {
            restrict(temp);
            Files.write(temp, key);
            // a hard link appears whole and fails if the name exists: two first starts agree
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
            // another process made it first; use theirs
        } catch (UnsupportedOperationException e) {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions protect it
        }
    }
}
