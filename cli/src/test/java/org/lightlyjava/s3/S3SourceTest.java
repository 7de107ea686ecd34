package org.lightlyjava.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.dataset.FolderSource;
import org.lightlyjava.dataset.ImageSource;
import org.lightlyjava.dataset.Sample;
import org.lightlyjava.testing.LocalS3;
import org.lightlyjava.testing.TestImages;

/** S3Source against a real S3-protocol server (S3Proxy in-process). */
class S3SourceTest {

    private static LocalS3 s3;

    @TempDir Path dir;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = LocalS3.start();
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    private Path tricky(Path root) throws IOException {
        TestImages.classFolders(root, 3, 3, 24, 16);
        for (String name :
                List.of(
                        "top.jpg",
                        "class_0/deep/x.jpg",
                        "class_0/deep-er/y.jpg",
                        "class_0/deep/a/z.jpg",
                        "class_1/.hidden/h.jpg",
                        "class_1/notes.txt",
                        "class_2/bad,name.jpg",
                        ".lightly/thumbnails/class_0/img_000_thumb.webp",
                        "lightly_outputs/2026-11-24/x.jpg")) {
            Path file = root.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, name.getBytes());
        }
        return root;
    }

    @Test
    void listing_classFolders_equalsTheFolderScanOfTheSameFiles() throws IOException {
        Path local = tricky(dir.resolve("farm"));
        s3.createBucket("classes");
        s3.upload(local, "classes", "projects/farm/");
        s3.put("classes", "projects/farm/class_1/", new byte[0]); // a folder marker
        s3.put("classes", "projects/farm-other/class_9/a.jpg", new byte[] {1});
        s3.put("classes", "projects/farmer.jpg", new byte[] {1});

        try (S3Source source = open("classes", "projects/farm/")) {
            FolderSource folder = FolderSource.scan(local);
            assertThat(source.classes()).containsExactly("class_0", "class_1", "class_2");
            assertThat(source.classes()).isEqualTo(folder.classes());
            assertThat(source.samples()).isEqualTo(folder.samples());
            assertThat(source.samples()).hasSize(13);
            assertThat(source.rejected())
                    .extracting(ImageSource.Rejected::fileName)
                    .isEqualTo(
                            folder.rejected().stream()
                                    .map(ImageSource.Rejected::fileName)
                                    .toList());
            assertThat(source.describe()).isEqualTo("s3://classes/projects/farm/");
        }
    }

    @Test
    void listing_flatPrefix_withoutTrailingSlash_orWholeBucket_equalsTheFolderScan() {
        Path local = dir.resolve("flat");
        TestImages.classFolders(dir.resolve("tmp"), 1, 4, 8, 8);
        local = copyFlat(dir.resolve("tmp/class_0"), local);
        s3.createBucket("flat");
        s3.upload(local, "flat", "a/b/");
        s3.createBucket("whole");
        s3.upload(local, "whole", "");

        FolderSource folder = FolderSource.scan(local);
        try (S3Source prefixed = open("flat", "a/b");
                S3Source whole = S3Source.open(s3.client(), S3Location.parse("s3://whole"))) {
            assertThat(prefixed.samples()).isEqualTo(folder.samples()).hasSize(4);
            assertThat(prefixed.classes()).containsExactly("");
            assertThat(whole.samples()).isEqualTo(folder.samples());
        }
    }

    @Test
    void listing_manyPages_keepsEveryKey() throws Exception {
        s3.createBucket("pages");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < 1010; i++) {
                String key = String.format("p/c%d/%04d.png", i % 2, i);
                puts.add(pool.submit(() -> s3.put("pages", key, new byte[] {1})));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        } finally {
            pool.shutdownNow();
        }
        try (S3Source source = open("pages", "p/")) {
            assertThat(source.samples()).hasSize(1010);
            assertThat(source.samples().get(0)).isEqualTo(new Sample("c0/0000.png", 0));
            assertThat(source.samples().get(505)).isEqualTo(new Sample("c1/0001.png", 1));
        }
    }

    @Test
    void listing_overlongS3Path_isRefusedByTheLengthOfTheS3Uri() {
        s3.createBucket("long");
        String name = "n".repeat(255 - "s3://long/p/".length() - 4) + ".jpg";
        s3.put("long", "p/" + name, new byte[] {1});
        s3.put("long", "p/x" + name, new byte[] {1});
        try (S3Source source = open("long", "p/")) {
            assertThat(source.samples()).containsExactly(new Sample(name, 0));
            assertThat(source.rejected())
                    .singleElement()
                    .extracting(ImageSource.Rejected::reason)
                    .asString()
                    .contains("256 characters");
        }
    }

    @Test
    void read_returnsTheObjectBytes_fromManyThreadsAtOnce() throws Exception {
        Path local = TestImages.classFolders(dir.resolve("par"), 2, 20, 32, 24);
        s3.createBucket("parallel");
        s3.upload(local, "parallel", "x/");
        FolderSource folder = FolderSource.scan(local);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (S3Source source = open("parallel", "x/")) {
            List<Future<byte[]>> reads = new ArrayList<>();
            for (Sample sample : source.samples()) {
                reads.add(pool.submit(() -> source.read(sample)));
            }
            for (int i = 0; i < reads.size(); i++) {
                assertThat(reads.get(i).get()).isEqualTo(folder.read(folder.samples().get(i)));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void read_ofAnObjectDeletedAfterTheListing_failsWithAnIOExceptionNamingIt() {
        s3.createBucket("gone");
        s3.put("gone", "a.jpg", new byte[] {1});
        try (S3Source source = open("gone", "")) {
            s3.client().deleteObject(request -> request.bucket("gone").key("a.jpg"));
            assertThatThrownBy(() -> source.read(source.samples().get(0)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("s3://gone/a.jpg")
                    .hasMessageContaining("no longer exists");
        }
    }

    @Test
    void location_parse_normalisesThePrefix() {
        assertThat(S3Location.parse("s3://b/p/q")).isEqualTo(new S3Location("b", "p/q/"));
        assertThat(S3Location.parse("s3://b/p/")).isEqualTo(new S3Location("b", "p/"));
        assertThat(S3Location.parse("s3://b/")).isEqualTo(new S3Location("b", ""));
        assertThat(S3Location.parse("S3://b")).isEqualTo(new S3Location("b", ""));
        assertThat(new S3Location("b", "p/").uri("c/d.jpg")).isEqualTo("s3://b/p/c/d.jpg");
        assertThatThrownBy(() -> S3Location.parse("s3:///p"))
                .hasMessageContaining("names no bucket");
        assertThat(S3Listing.isFileName("a/b.jpg")).isTrue();
        assertThat(S3Listing.isFileName("a//b.jpg")).isFalse();
        assertThat(S3Listing.isFileName("../b.jpg")).isFalse();
    }

    private static S3Source open(String bucket, String prefix) {
        return S3Source.open(s3.client(), S3Location.parse("s3://" + bucket + "/" + prefix));
    }

    private static Path copyFlat(Path from, Path to) {
        try {
            Files.createDirectories(to);
            try (var files = Files.list(from)) {
                for (Path file : files.toList()) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
            Files.writeString(to.resolve("readme.md"), "not an image");
            return to;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
