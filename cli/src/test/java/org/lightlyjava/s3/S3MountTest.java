package org.lightlyjava.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.config.Config;
import org.lightlyjava.dataset.FolderSource;
import org.lightlyjava.embed.EmbedWorkflow;
import org.lightlyjava.testing.Contexts;
import org.lightlyjava.testing.LocalS3;
import org.lightlyjava.testing.TestImages;

/**
 * The mount flow of docs/s3.md: the bucket mounted with s3fs-fuse, {@code input_dir=<mount>/prefix}
 * gives the samples and embeddings of the same files on a local disk. Skipped where s3fs, FUSE or
 * the permission to mount is missing.
 */
class S3MountTest {

    private static final Path S3FS = Path.of("/usr/bin/s3fs");
    private static final Path FUSE = Path.of("/dev/fuse");

    private static LocalS3 s3;

    @TempDir Path dir;
    private Path mount;

    @BeforeAll
    static void startS3() throws Exception {
        assumeTrue(
                Files.isExecutable(S3FS) && Files.exists(FUSE),
                "needs /usr/bin/s3fs and /dev/fuse");
        s3 = LocalS3.start();
        s3.createBucket("mounted");
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (s3 != null) {
            s3.close();
        }
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            run(List.of("fusermount", "-u", mount.toString()));
            Files.deleteIfExists(mount);
        }
    }

    @Test
    void mountedPrefix_givesTheSamplesAndEmbeddingsOfTheLocalFolder() throws Exception {
        Path local = TestImages.classFolders(dir.resolve("farm"), 2, 4, 36, 24);
        s3.upload(local, "mounted", "projects/farm/");
        Path root = mount("mounted");

        Path mounted = root.resolve("projects/farm");
        FolderSource viaMount = FolderSource.scan(mounted);
        FolderSource viaDisk = FolderSource.scan(local);
        assertThat(viaMount.samples()).hasSize(8).isEqualTo(viaDisk.samples());
        assertThat(viaMount.classes()).isEqualTo(viaDisk.classes());

        Config base = Contexts.tiny(dir).with("seed", "5");
        EmbedWorkflow.Result fromMount = embed(base.with("input_dir", mounted.toString()), "m");
        EmbedWorkflow.Result fromDisk = embed(base.with("input_dir", local.toString()), "d");
        assertThat(Files.readAllBytes(fromMount.embeddings()))
                .isEqualTo(Files.readAllBytes(fromDisk.embeddings()));
        assertThat(Files.readAllLines(fromMount.metadata()))
                .isEqualTo(Files.readAllLines(fromDisk.metadata()));
    }

    private EmbedWorkflow.Result embed(Config config, String run) {
        return EmbedWorkflow.run(
                Contexts.in(dir.resolve(run), config, new StringWriter()),
                new EmbedWorkflow.Extras(true, false, List.of()));
    }

    /** Mounts {@code bucket}, or skips the test when s3fs cannot. */
    private Path mount(String bucket) throws Exception {
        Path passwd = dir.resolve("passwd-s3fs");
        Files.writeString(passwd, LocalS3.ACCESS_KEY + ":" + LocalS3.SECRET_KEY);
        Files.setPosixFilePermissions(passwd, PosixFilePermissions.fromString("rw-------"));
        mount = Files.createTempDirectory("lightly-s3fs");
        int rc =
                run(
                        List.of(
                                S3FS.toString(),
                                bucket,
                                mount.toString(),
                                "-o",
                                "passwd_file=" + passwd,
                                "-o",
                                "url=" + s3.endpoint(),
                                "-o",
                                "use_path_request_style",
                                "-o",
                                "endpoint=us-east-1"));
        assumeTrue(rc == 0 && isMounted(mount), "s3fs could not mount (exit " + rc + ")");
        return mount;
    }

    private static boolean isMounted(Path dir) throws IOException, InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (Files.readAllLines(Path.of("/proc/mounts")).stream()
                    .anyMatch(line -> line.contains(" " + dir + " "))) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
