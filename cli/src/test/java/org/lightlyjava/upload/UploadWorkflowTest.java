package org.lightlyjava.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.api.BitMask;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.model.DatasetData;
import org.lightlyjava.api.model.SampleData;
import org.lightlyjava.api.model.TagData;
import org.lightlyjava.config.Config;
import org.lightlyjava.dataset.ImageSource;
import org.lightlyjava.dataset.Sample;
import org.lightlyjava.embed.EmbedWorkflow;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.Outcome;
import org.lightlyjava.run.ToolException;
import org.lightlyjava.testing.Contexts;
import org.lightlyjava.testing.ServerState;
import org.lightlyjava.testing.TestImages;
import org.lightlyjava.testing.TestServer;

/** lightly-upload against a real lightly-server on a loopback port. */
class UploadWorkflowTest {

    @TempDir Path dir;
    private TestServer server;
    private LightlyClient client;
    private int runs;

    @BeforeEach
    void start() {
        TestImages.classFolders(dir.resolve("data"), 2, 5, 48, 36);
        server = TestServer.start(dir.resolve("server"));
        client = server.client();
    }

    @AfterEach
    void stop() {
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

    private Outcome upload(Config config) {
        return UploadWorkflow.run(
                Contexts.in(dir.resolve("run" + runs++), config, new StringWriter()), "test");
    }

    private String datasetId(String name) {
        List<DatasetData> found = client.datasetsByName(name);
        assertThat(found).hasSize(1);
        return found.get(0).id();
    }

    @Test
    void afterEmbedding_sendsGrowingChunks_allInDatasetOrderAndEachOnce() throws IOException {
        int count = 1250; // chunks of 100, 100, 200, 400 and 450
        Path run = dir.resolve("magic-run");
        Files.createDirectories(run);
        List<Sample> samples = new ArrayList<>();
        StringBuilder jsonl = new StringBuilder();
        StringBuilder csv = new StringBuilder("filenames,embedding_0,embedding_1,labels\r\n");
        for (int i = 0; i < count; i++) {
            // names sort otherwise than the dataset order, so the server's order shows
            String name = String.format("img_%04d.jpg", (i * 7919) % count);
            samples.add(new Sample(name, 0));
            jsonl.append(
                    "{\"fileName\":\"" + name + "\",\"metaData\":{\"sharpness\":" + i + "}}\n");
            csv.append(name).append(',').append(i).append(",0.5,0\r\n");
        }
        Files.writeString(run.resolve("metadata.jsonl"), jsonl);
        Files.writeString(run.resolve("embeddings.csv"), csv);
        Config config = config("upload", "metadata", "new_dataset_name", "magic");

        Outcome outcome =
                UploadWorkflow.afterEmbedding(
                        Contexts.in(run, config, new StringWriter()),
                        new UploadWorkflow.Embedded(
                                new FixedSource(samples),
                                samples,
                                run.resolve("metadata.jsonl"),
                                run.resolve("thumbnails"),
                                run.resolve("embeddings.csv"),
                                0),
                        "test");

        assertThat(outcome).isEqualTo(new Outcome(count, 0));
        String id = datasetId("magic");
        assertThat(client.mappings(id, "fileName"))
                .containsExactlyElementsOf(samples.stream().map(Sample::fileName).toList());
        assertThat(client.sample(id, client.mappings(id, "_id").get(count - 1)).metaData())
                .hasToString("{\"sharpness\":" + (count - 1) + "}");
        assertThat(client.tags(id).get(0).bitMaskData()).isEqualTo(BitMask.all(count).toString());
        assertThat(client.embeddings(id)).hasSize(1);
    }

    /** The samples lightly-magic embedded; the upload of metadata reads none of their bytes. */
    private record FixedSource(List<Sample> samples) implements ImageSource {

        @Override
        public List<String> classes() {
            return List.of("");
        }

        @Override
        public List<Rejected> rejected() {
            return List.of();
        }

        @Override
        public byte[] read(Sample sample) {
            throw new UnsupportedOperationException("upload=metadata reads no image");
        }

        @Override
        public String describe() {
            return "embedded samples";
        }
    }

    @Test
    void thumbnails_createsSamplesInDatasetOrder_withThumbnailsAndTheInitialTag()
            throws IOException {
        Outcome outcome = upload(config("new_dataset_name", "farm", "upload", "thumbnails"));

        assertThat(outcome).isEqualTo(new Outcome(10, 0));
        String id = datasetId("farm");
        assertThat(client.mappings(id, "fileName"))
                .containsExactly(
                        "class_0/img_000.jpg",
                        "class_0/img_001.jpg",
                        "class_0/img_002.jpg",
                        "class_0/img_003.jpg",
                        "class_0/img_004.jpg",
                        "class_1/img_000.jpg",
                        "class_1/img_001.jpg",
                        "class_1/img_002.jpg",
                        "class_1/img_003.jpg",
                        "class_1/img_004.jpg");
        TagData initial = client.tags(id).get(0);
        assertThat(initial.name()).isEqualTo("initial-tag");
        assertThat(initial.bitMaskData()).isEqualTo(BitMask.all(10).toString());
        assertThat(client.dataset(id).imgType()).isEqualTo("thumbnail");
        SampleData first = client.sample(id, client.mappings(id, "_id").get(0));
        assertThat(first.thumbName()).isEqualTo("class_0/img_000_thumb.webp");
        assertThat(first.metaData().get("shape").toString()).isEqualTo("[36,48,3]");
        assertThat(first.metaData().get("sizeInBytes").asLong())
                .isEqualTo(Files.size(dir.resolve("data/class_0/img_000.jpg")));
        byte[] thumb = client.get(client.readUrl(id, first.id(), "thumbnail"), "thumb");
        assertThat(new String(thumb, 8, 4)).isEqualTo("WEBP");
    }

    @Test
    void rerun_ofACompleteUpload_changesNothing() {
        Config config = config("new_dataset_name", "farm", "upload", "full");
        upload(config);
        ServerState before = ServerState.of(client, datasetId("farm"));
        upload(config);
        assertThat(ServerState.of(client, datasetId("farm"))).isEqualTo(before);
    }

    @Test
    void full_keepsTheOriginalBytes_metadata_uploadsNoBlobs() throws IOException {
        upload(config("new_dataset_name", "full-set", "upload", "full"));
        upload(config("new_dataset_name", "meta-set", "upload", "metadata"));
        String full = datasetId("full-set");
        String sample = client.mappings(full, "_id").get(3);
        assertThat(client.get(client.readUrl(full, sample, "full"), "full"))
                .isEqualTo(Files.readAllBytes(dir.resolve("data/class_0/img_003.jpg")));
        String meta = datasetId("meta-set");
        assertThat(client.dataset(meta).imgType()).isEqualTo("meta");
        assertThat(ServerState.of(client, meta).samples())
                .allSatisfy(s -> assertThat(s).contains("thumb=null").contains("thumbBlob=none"));
    }

    @Test
    void newImages_needAppend_thenTheTagsAreUpsized() throws IOException {
        Config config = config("new_dataset_name", "farm", "upload", "metadata");
        upload(config);
        TestImages.write(
                TestImages.image(2, 40, 40, new java.util.SplittableRandom(1)),
                dir.resolve("data/class_1/img_new.jpg"));
        assertThatThrownBy(() -> upload(config))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("append=True");
        upload(config.with("append", "True"));
        String id = datasetId("farm");
        assertThat(client.dataset(id).nSamples()).isEqualTo(11);
        List<TagData> tags = client.tags(id);
        assertThat(tags)
                .extracting(TagData::bitMaskData)
                .contains(BitMask.all(11).toString(), BitMask.of(10).toString());
    }

    @Test
    void embeddings_areCheckedReorderedAndUploaded_withTheTwoDView() throws IOException {
        Path csv =
                EmbedWorkflow.run(
                                Contexts.in(
                                        dir.resolve("embed"),
                                        Contexts.tiny(dir).with("input_dir", "data"),
                                        new StringWriter()))
                        .embeddings();
        upload(config("new_dataset_name", "farm", "embeddings", csv.toString()));
        String id = datasetId("farm");
        var embeddings = client.embeddings(id);
        assertThat(embeddings).hasSize(1);
        assertThat(embeddings.get(0).isProcessed()).isTrue();
        String stored =
                new String(client.get(client.embeddingReadUrl(id, embeddings.get(0).id()), "csv"));
        assertThat(stored.replace("\r\n", "\n"))
                .isEqualTo(Files.readString(csv).replace("\r\n", "\n"));
    }

    @Test
    void mismatchedEmbeddings_areRefusedBeforeAnythingIsUploaded() throws IOException {
        Path csv = dir.resolve("short.csv");
        Files.writeString(csv, "filenames,embedding_0,labels\r\nclass_0/img_000.jpg,1.0,0\r\n");
        assertThatThrownBy(
                        () ->
                                upload(
                                        config(
                                                "new_dataset_name",
                                                "farm",
                                                "embeddings",
                                                csv.toString())))
                .isInstanceOfSatisfying(
                        ToolException.class,
                        e -> {
                            assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG);
                            assertThat(e.getMessage())
                                    .contains("There are 1 rows in the embedding file, but 10");
                        });
        assertThat(client.datasetsByName("farm")).isEmpty();
    }

    @Test
    void customMetadata_isStoredVerbatimPerSample() throws IOException {
        Path custom = dir.resolve("custom.json");
        Files.writeString(
                custom,
                "{\"images\": [{\"id\": 7, \"file_name\": \"class_1/img_002.jpg\"}],"
                        + " \"metadata\": [{\"image_id\": 7, \"weather\": {\"scenario\": \"rainy\"}}]}");
        upload(
                config(
                        "new_dataset_name",
                        "farm",
                        "upload",
                        "metadata",
                        "custom_metadata",
                        custom.toString()));
        String id = datasetId("farm");
        SampleData sample = client.sample(id, client.mappings(id, "_id").get(7));
        assertThat(sample.customMetaData().toString())
                .isEqualTo("{\"image_id\":7,\"weather\":{\"scenario\":\"rainy\"}}");
        assertThat(client.sample(id, client.mappings(id, "_id").get(0)).customMetaData()).isNull();
    }

    @Test
    void wrongToken_isACredentialsError() {
        assertThatThrownBy(() -> upload(config("new_dataset_name", "farm", "token", "wrong")))
                .isInstanceOfSatisfying(
                        org.lightlyjava.api.client.ApiException.class,
                        e -> assertThat(e.status()).isEqualTo(401));
    }
}
