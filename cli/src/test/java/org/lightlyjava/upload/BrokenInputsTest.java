package org.lightlyjava.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.api.BitMask;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.model.TagData;
import org.lightlyjava.config.Config;
import org.lightlyjava.embed.EmbedWorkflow;
import org.lightlyjava.magic.MagicWorkflow;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.Outcome;
import org.lightlyjava.run.ToolException;
import org.lightlyjava.testing.Contexts;
import org.lightlyjava.testing.TestImages;
import org.lightlyjava.testing.TestServer;
import org.slf4j.LoggerFactory;

/**
 * Uploads from folders and files that are partly broken: the good part arrives with its tag, the
 * broken part is named, and nothing is created before the inputs are known to be usable.
 */
class BrokenInputsTest {

    private static final String BROKEN = "class_0/img_002.jpg";

    @TempDir Path dir;
    private TestServer server;
    private LightlyClient client;
    private int runs;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger customLog = (Logger) LoggerFactory.getLogger(CustomMetadata.class);

    @BeforeEach
    void start() throws IOException {
        TestImages.classFolders(dir.resolve("data"), 2, 5, 48, 36);
        Files.write(dir.resolve("data").resolve(BROKEN), new byte[] {(byte) 0xFF, (byte) 0xD8, 1});
        server = TestServer.start(dir.resolve("server"));
        client = server.client();
        logs.start();
        customLog.addAppender(logs);
    }

    @AfterEach
    void stop() {
        customLog.detachAppender(logs);
        server.close();
    }

    private Config config(String... pairs) {
        Config config =
                Contexts.tiny(dir)
                        .with("input_dir", "data")
                        .with("server_location", server.direct().toString())
                        .with("token", server.token);
        for (int i = 0; i < pairs.length; i += 2) {
            config = config.with(pairs[i], pairs[i + 1]);
        }
        return config;
    }

    private Outcome upload(Config config, StringWriter out) {
        return UploadWorkflow.run(Contexts.in(dir.resolve("run" + runs++), config, out), "test");
    }

    private void fixTheBrokenImage() {
        TestImages.write(
                TestImages.image(1, 48, 36, new SplittableRandom(7)),
                dir.resolve("data").resolve(BROKEN));
    }

    @Test
    void upload_withABrokenImageAndEmbeddings_uploadsTheRestWithItsTag_thenAppendAddsTheFix()
            throws IOException {
        Path csv = embed("embed1");
        StringWriter out = new StringWriter();
        Outcome outcome =
                upload(config("new_dataset_name", "farm", "embeddings", csv.toString()), out);

        assertThat(outcome).isEqualTo(new Outcome(9, 1));
        String id = client.datasetsByName("farm").get(0).id();
        assertThat(client.mappings(id, "fileName")).hasSize(9).doesNotContain(BROKEN);
        assertThat(client.tags(id))
                .singleElement()
                .satisfies(t -> assertThat(t.bitMaskData()).isEqualTo(BitMask.all(9).toString()));
        assertThat(client.embeddings(id)).singleElement().matches(e -> e.isProcessed());
        assertThat(out.toString())
                .contains("without 1 of 10 images, which could not be read", "append=True")
                .doesNotContain("incomplete");

        fixTheBrokenImage();
        Path fixed = embed("embed2");
        Outcome again =
                upload(
                        config(
                                "new_dataset_name",
                                "farm",
                                "embeddings",
                                fixed.toString(),
                                "append",
                                "True"),
                        new StringWriter());
        assertThat(again).isEqualTo(new Outcome(1, 0));
        assertThat(client.mappings(id, "fileName")).hasSize(10).contains(BROKEN);
        assertThat(client.tags(id))
                .extracting(TagData::bitMaskData)
                .contains(BitMask.all(10).toString());
    }

    @Test
    void magic_withABrokenImage_uploadsTheRestWithItsTag_thenAppendAddsTheFix() {
        Config magic = config("new_dataset_name", "farm", "trainer.max_epochs", "0");
        StringWriter out = new StringWriter();
        Outcome outcome = MagicWorkflow.run(Contexts.in(dir.resolve("magic1"), magic, out), "test");

        assertThat(outcome.failed()).isEqualTo(1);
        String id = client.datasetsByName("farm").get(0).id();
        assertThat(client.dataset(id).nSamples()).isEqualTo(9);
        assertThat(client.tags(id).get(0).bitMaskData()).isEqualTo(BitMask.all(9).toString());
        assertThat(client.embeddings(id)).singleElement().matches(e -> e.isProcessed());
        assertThat(out.toString()).contains("without 1 of 10 images", "########## Finished");

        fixTheBrokenImage();
        Outcome again =
                MagicWorkflow.run(
                        Contexts.in(
                                dir.resolve("magic2"),
                                magic.with("append", "True"),
                                new StringWriter()),
                        "test");
        assertThat(again.failed()).isZero();
        assertThat(client.dataset(id).nSamples()).isEqualTo(10);
        assertThat(client.tags(id))
                .extracting(TagData::bitMaskData)
                .contains(BitMask.all(10).toString());
    }

    @Test
    void upload_withoutEmbeddings_createsTheTagOverTheReadableImages() {
        Outcome outcome = upload(config("new_dataset_name", "farm"), new StringWriter());
        assertThat(outcome).isEqualTo(new Outcome(9, 1));
        String id = client.datasetsByName("farm").get(0).id();
        assertThat(client.tags(id).get(0).bitMaskData()).isEqualTo(BitMask.all(9).toString());
    }

    @Test
    void embeddings_withARowMissingForAReadableImage_areRefusedBeforeAnythingIsUploaded()
            throws IOException {
        Path csv = embed("embed1");
        fixTheBrokenImage(); // now readable, but the CSV has no row for it
        assertThatThrownBy(
                        () ->
                                upload(
                                        config(
                                                "new_dataset_name",
                                                "farm",
                                                "embeddings",
                                                csv.toString()),
                                        new StringWriter()))
                .isInstanceOfSatisfying(
                        ToolException.class,
                        e -> {
                            assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG);
                            assertThat(e.getMessage())
                                    .contains(BROKEN, "can be read", "lightly-embed");
                        });
        assertThat(client.datasetsByName("farm")).isEmpty();
    }

    @Test
    void embeddings_listingAFileTwice_nameIt() throws IOException {
        Path csv = dir.resolve("twice.csv");
        Files.writeString(
                csv,
                "filenames,embedding_0,labels\r\nclass_0/img_000.jpg,1.0,0\r\n"
                        + "class_0/img_000.jpg,2.0,0\r\n");
        assertThatThrownBy(
                        () ->
                                upload(
                                        config(
                                                "new_dataset_name",
                                                "farm",
                                                "embeddings",
                                                csv.toString()),
                                        new StringWriter()))
                .hasMessageContaining("line 3 repeats 'class_0/img_000.jpg' of line 2");
    }

    @Test
    void missingEmbeddingsFile_saysWhy() {
        Path missing = dir.resolve("nowhere.csv");
        assertThatThrownBy(
                        () ->
                                upload(
                                        config(
                                                "new_dataset_name",
                                                "farm",
                                                "embeddings",
                                                missing.toString()),
                                        new StringWriter()))
                .isInstanceOfSatisfying(
                        ToolException.class,
                        e ->
                                assertThat(e.getMessage())
                                        .isEqualTo(
                                                "embeddings="
                                                        + missing
                                                        + ": the file does not exist"));
    }

    @Test
    void brokenCustomMetadata_isRefusedBeforeTheDatasetIsCreated() throws IOException {
        Path custom = dir.resolve("custom.json");
        Files.writeString(
                custom,
                "{\"images\": [{\"id\": 7, \"file_name\": \"class_1/img_002.jpg\"}, {\"id\": 8}],"
                        + " \"metadata\": [{\"image_id\": 7, \"weather\": \"rainy\"}]}");
        assertThatThrownBy(
                        () ->
                                upload(
                                        config(
                                                "new_dataset_name",
                                                "farm",
                                                "custom_metadata",
                                                custom.toString()),
                                        new StringWriter()))
                .isInstanceOfSatisfying(
                        ToolException.class,
                        e -> {
                            assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG);
                            assertThat(e.getMessage()).contains("images[1]");
                        });
        assertThat(client.datasetsByName("farm")).isEmpty();

        Files.writeString(custom, "{\"images\": [], \"metadata\": [");
        assertThatThrownBy(
                        () ->
                                upload(
                                        config(
                                                "new_dataset_name",
                                                "farm",
                                                "custom_metadata",
                                                custom.toString()),
                                        new StringWriter()))
                .isInstanceOf(ToolException.class);
        assertThat(client.datasetsByName("farm")).isEmpty();
    }

    @Test
    void customMetadataForUnknownFiles_isReportedWithCountAndExamples() throws IOException {
        Path custom = dir.resolve("custom.json");
        Files.writeString(
                custom,
                "{\"images\": [{\"id\": 1, \"file_name\": \"class_1/img_002.jpg\"},"
                        + " {\"id\": 2, \"file_name\": \"elsewhere/a.jpg\"},"
                        + " {\"id\": 3, \"file_name\": \"elsewhere/b.jpg\"}],"
                        + " \"metadata\": [{\"image_id\": 1, \"w\": 1}, {\"image_id\": 2, \"w\": 2},"
                        + " {\"image_id\": 3, \"w\": 3}, {\"image_id\": 9, \"w\": 9}]}");
        upload(
                config(
                        "new_dataset_name",
                        "farm",
                        "upload",
                        "metadata",
                        "custom_metadata",
                        custom.toString()),
                new StringWriter());
        assertThat(logs.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(
                        m ->
                                assertThat(m)
                                        .contains(
                                                "entries for 2 file names that are not in"
                                                        + " input_dir",
                                                "elsewhere/a.jpg, elsewhere/b.jpg"))
                .anySatisfy(m -> assertThat(m).contains("1 metadata entries", "e.g. 9"));
    }

    private Path embed(String runDir) {
        return EmbedWorkflow.run(
                        Contexts.in(
                                dir.resolve(runDir),
                                Contexts.tiny(dir).with("input_dir", "data"),
                                new StringWriter()))
                .embeddings();
    }
}
