package org.lightlyjava.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderSourceTest {

    @TempDir Path root;

    @Test
    void scan_subFolders_areSortedClassesWithRecursiveFilesInLightlysOrder() throws IOException {
        touch(
                "dogs/b.jpg",
                "dogs/a.PNG",
                "cats/z.jpg",
                "cats/deep/a.jpg",
                "cats/deep-er/c.webp",
                "cats/a.tiff",
                "cats/notes.txt",
                "root.jpg",
                "lightly_outputs/2026/x.jpg",
                ".cache/y.jpg");
        FolderSource source = FolderSource.scan(root);
        assertThat(source.classes()).containsExactly("cats", "dogs");
        assertThat(source.samples())
                .containsExactly(
                        new Sample("cats/a.tiff", 0), new Sample("cats/z.jpg", 0),
                        new Sample("cats/deep/a.jpg", 0), new Sample("cats/deep-er/c.webp", 0),
                        new Sample("dogs/a.PNG", 1), new Sample("dogs/b.jpg", 1));
        assertThat(source.rejected()).isEmpty();
    }

    @Test
    void scan_flatFolder_isLabelZeroSortedAndNotRecursive() throws IOException {
        touch("b.bmp", "a.jpeg", "c.pgm", "readme.md", "d.ppm");
        FolderSource source = FolderSource.scan(root);
        assertThat(source.classes()).containsExactly("");
        assertThat(source.samples())
                .extracting(Sample::fileName)
                .containsExactly("a.jpeg", "b.bmp", "c.pgm", "d.ppm");
        assertThat(source.samples()).extracting(Sample::label).containsOnly(0);
    }

    @Test
    void scan_refusesCommasAndOverlongPathsByName_andKeepsTheRest() throws IOException {
        String longName = "x".repeat(250) + ".jpg";
        touch("good.jpg", "bad,name.jpg", longName);
        FolderSource source = FolderSource.scan(root);
        assertThat(source.samples()).extracting(Sample::fileName).containsExactly("good.jpg");
        assertThat(source.rejected())
                .extracting(ImageSource.Rejected::fileName)
                .containsExactlyInAnyOrder("bad,name.jpg", longName);
        assertThat(source.rejected())
                .extracting(ImageSource.Rejected::reason)
                .anySatisfy(reason -> assertThat(reason).contains("commas"))
                .anySatisfy(reason -> assertThat(reason).contains("maximum of 255"));
    }

    @Test
    void scan_aFileInsteadOfAFolder_saysItIsAFile() throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.writeString(root.resolve("list.txt"), "x");

        assertThatThrownBy(() -> FolderSource.scan(file))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("input_dir must be a folder of images, but ")
                .hasMessageContaining("list.txt is a file")
                .hasMessageNotContaining("does not exist");
    }

    @Test
    void scan_missingFolder_saysSo() {
        assertThatThrownBy(() -> FolderSource.scan(root.resolve("nope")))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void read_returnsTheFileBytes() throws IOException {
        Files.writeString(root.resolve("a.jpg"), "bytes");
        FolderSource source = FolderSource.scan(root);
        assertThat(source.read(source.samples().get(0))).asString().isEqualTo("bytes");
    }

    private void touch(String... names) throws IOException {
        for (String name : names) {
            Path file = root.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[] {1});
        }
    }
}
