package org.lightlyjava.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entries named like images that are no files: named among the refused, never skipped silently. */
class SpecialFilesTest {

    @TempDir Path root;

    @Test
    void danglingLinksAndFifos_inClassFolders_areRefusedWithTheirReason() throws Exception {
        Files.createDirectories(root.resolve("cats/deep"));
        Files.write(root.resolve("cats/ok.jpg"), new byte[] {1});
        Files.createSymbolicLink(root.resolve("cats/gone.jpg"), root.resolve("nowhere.jpg"));
        mkfifo(root.resolve("cats/deep/pipe.png"));
        Files.createSymbolicLink(root.resolve("cats/notes.txt"), root.resolve("nowhere.txt"));

        FolderSource source = FolderSource.scan(root);

        assertThat(source.samples()).containsExactly(new Sample("cats/ok.jpg", 0));
        assertThat(source.rejected())
                .containsExactlyInAnyOrder(
                        new ImageSource.Rejected(
                                "cats/gone.jpg", "a symbolic link to a file that does not exist"),
                        new ImageSource.Rejected(
                                "cats/deep/pipe.png",
                                "not a regular file (a FIFO, socket or device)"));
    }

    @Test
    void danglingLinksAndFifos_inAFlatFolder_areRefusedWithTheirReason() throws Exception {
        Files.write(root.resolve("ok.jpg"), new byte[] {1});
        Files.createSymbolicLink(root.resolve("gone.jpg"), root.resolve("nowhere.jpg"));
        mkfifo(root.resolve("pipe.webp"));

        FolderSource source = FolderSource.scan(root);

        assertThat(source.samples()).containsExactly(new Sample("ok.jpg", 0));
        assertThat(source.rejected())
                .extracting(ImageSource.Rejected::fileName)
                .containsExactlyInAnyOrder("gone.jpg", "pipe.webp");
    }

    private static void mkfifo(Path path) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here: " + e.getMessage());
            return;
        }
        assumeTrue(process.waitFor() == 0, "mkfifo failed");
    }
}
