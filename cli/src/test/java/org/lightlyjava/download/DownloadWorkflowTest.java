package org.lightlyjava.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.api.BitMask;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.model.TagCreateRequest;
import org.lightlyjava.api.model.TagData;
import org.lightlyjava.config.Config;
import org.lightlyjava.run.Outcome;
import org.lightlyjava.run.ToolException;
import org.lightlyjava.testing.Contexts;
import org.lightlyjava.testing.TestImages;
import org.lightlyjava.testing.TestServer;
import org.lightlyjava.upload.UploadWorkflow;

/** lightly-download against a real lightly-server, on a dataset uploaded by lightly-upload. */
class DownloadWorkflowTest {

    @TempDir Path dir;
    private TestServer server;
    private LightlyClient client;
    private String datasetId;

    @BeforeEach
    void upload() {
        TestImages.classFolders(dir.resolve("data"), 2, 4, 40, 30);
        server = TestServer.start(dir.resolve("server"));
        client = server.client();
        UploadWorkflow.run(
                Contexts.in(
                        dir.resolve("up"),
                        base().with("input_dir", "data")
                                .with("new_dataset_name", "farm")
                                .with("upload", "full"),
                        new StringWriter()),
                "test");
        datasetId = client.datasetsByName("farm").get(0).id();
        TagData initial = client.tags(datasetId).get(0);
        client.createTag(
                datasetId,
                new TagCreateRequest(
                        "picked",
                        initial.id(),
                        null,
                        null,
                        BitMask.of(1, 2, 6).toString(),
                        8L,
                        "USER_PIP",
                        null,
                        null));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Config base() {
        return Contexts.tiny(dir)
                .with("server_location", server.direct().toString())
                .with("token", server.token);
    }

    private Outcome download(Path runDir, Config config) {
        return DownloadWorkflow.run(Contexts.in(runDir, config, new StringWriter()), "test");
    }

    @Test
    void tagFile_listsTheTagsFilesInServerOrder() throws IOException {
        download(
                dir.resolve("run"),
                base().with("dataset_id", datasetId).with("tag_name", "picked"));
        assertThat(Files.readString(dir.resolve("run/picked.txt")))
                .isEqualTo("class_0/img_001.jpg\nclass_0/img_002.jpg\nclass_1/img_002.jpg\n");
    }

    @Test
    void excludeParentTag_keepsWhatTheTagAddsToItsParent() throws IOException {
        TagData picked =
                client.tags(datasetId).stream()
                        .filter(t -> t.name().equals("picked"))
                        .findFirst()
                        .orElseThrow();
        client.createTag(
                datasetId,
                new TagCreateRequest(
                        "more",
                        picked.id(),
                        null,
                        null,
                        BitMask.of(1, 2, 3, 6).toString(),
                        8L,
                        "USER_PIP",
                        null,
                        null));
        download(
                dir.resolve("run"),
                base().with("dataset_id", datasetId)
                        .with("tag_name", "more")
                        .with("exclude_parent_tag", "True"));
        assertThat(Files.readAllLines(dir.resolve("run/more.txt")))
                .containsExactly("class_0/img_003.jpg");
    }

    @Test
    void s3InputDir_isRefusedForCopies_namingTheTagFile() {
        assertThatThrownBy(
                        () ->
                                download(
                                        dir.resolve("run"),
                                        base().with("dataset_id", datasetId)
                                                .with("tag_name", "picked")
                                                .with("input_dir", "s3://datalake/farm/")
                                                .with("output_dir", "copy")))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("input_dir=s3://datalake/farm/ is in S3")
                .hasMessageContaining("picked.txt");
        assertThat(Files.exists(dir.resolve("copy"))).isFalse();
    }

    @Test
    void inputAndOutputDir_copyTheFilesKeepingSubFolders() throws IOException {
        Outcome outcome =
                download(
                        dir.resolve("run"),
                        base().with("dataset_id", datasetId)
                                .with("tag_name", "picked")
                                .with("input_dir", "data")
                                .with("output_dir", "copy"));
        assertThat(outcome).isEqualTo(new Outcome(3, 0));
        assertThat(Files.readAllBytes(dir.resolve("copy/class_1/img_002.jpg")))
                .isEqualTo(Files.readAllBytes(dir.resolve("data/class_1/img_002.jpg")));
        assertThat(Files.exists(dir.resolve("copy/class_0/img_000.jpg"))).isFalse();
    }

    @Test
    void outputDirAlone_downloadsTheImagesByteForByte_andResumes() throws IOException {
        Config config =
                base().with("dataset_id", datasetId)
                        .with("tag_name", "initial-tag")
                        .with("output_dir", "out");
        assertThat(download(dir.resolve("run1"), config)).isEqualTo(new Outcome(8, 0));
        for (String name : List.of("class_0/img_000.jpg", "class_1/img_003.jpg")) {
            assertThat(Files.readAllBytes(dir.resolve("out").resolve(name)))
                    .isEqualTo(Files.readAllBytes(dir.resolve("data").resolve(name)));
        }
        // a cut-off file is fetched again, complete files are kept
        Files.write(dir.resolve("out/class_0/img_001.jpg"), new byte[] {1, 2, 3});
        long kept = Files.getLastModifiedTime(dir.resolve("out/class_1/img_003.jpg")).toMillis();
        assertThat(download(dir.resolve("run2"), config)).isEqualTo(new Outcome(8, 0));
        assertThat(Files.readAllBytes(dir.resolve("out/class_0/img_001.jpg")))
                .isEqualTo(Files.readAllBytes(dir.resolve("data/class_0/img_001.jpg")));
        assertThat(Files.getLastModifiedTime(dir.resolve("out/class_1/img_003.jpg")).toMillis())
                .isEqualTo(kept);
    }

    @Test
    void unknownTag_isAConfigErrorThatListsTheTags() {
        assertThatThrownBy(
                        () ->
                                download(
                                        dir.resolve("run"),
                                        base().with("dataset_id", datasetId)
                                                .with("tag_name", "nope")))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("Your tag_name does not exist: nope;")
                .hasMessageContaining("the dataset's tags are: initial-tag");
    }
}
