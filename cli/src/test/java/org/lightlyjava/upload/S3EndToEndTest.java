package org.lightlyjava.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.model.DatasetCreateRequest;
import org.lightlyjava.api.model.DatasourceConfig;
import org.lightlyjava.api.model.DatasourceConfigVerifyData;
import org.lightlyjava.config.Config;
import org.lightlyjava.embed.EmbedWorkflow;
import org.lightlyjava.magic.MagicWorkflow;
import org.lightlyjava.run.ToolException;
import org.lightlyjava.testing.AwsProperties;
import org.lightlyjava.testing.Contexts;
import org.lightlyjava.testing.LocalS3;
import org.lightlyjava.testing.TestImages;
import org.lightlyjava.testing.TestServer;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The story of docs/s3.md end to end with real parts: images in a bucket of an S3-protocol server
 * (S3Proxy), synced into a folder by the real AWS CLI, a dataset whose datasource is that bucket,
 * and lightly-magic with upload=thumbnails writing the thumbnails into the bucket.
 */
class S3EndToEndTest {

    private static final String BUCKET = "datalake";
    private static final String PREFIX = "projects/farm/";

    @TempDir Path dir;
    private LocalS3 s3;
    private TestServer server;
    private LightlyClient client;

    @BeforeEach
    void start() throws Exception {
        s3 = LocalS3.start();
        s3.createBucket(BUCKET);
        TestImages.classFolders(dir.resolve("original"), 2, 6, 48, 40);
        s3.upload(dir.resolve("original"), BUCKET, PREFIX);
        server = TestServer.start(dir.resolve("server"));
        client = server.client();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        s3.close();
    }

    private String datasetWithBucket(String name, String secret) {
        String id = client.createDataset(DatasetCreateRequest.images(name, "USER_PIP"));
        client.setDatasource(
                id,
                DatasourceConfig.s3(
                        "s3://" + BUCKET + "/" + PREFIX,
                        "us-east-1",
                        LocalS3.ACCESS_KEY,
                        secret,
                        s3.endpoint().toString()));
        return id;
    }

    private Config magic(String datasetId) {
        return Contexts.tiny(dir)
                .with("input_dir", "farm")
                .with("dataset_id", datasetId)
                .with("upload", "thumbnails")
                .with("trainer.max_epochs", "0")
                .with("server_location", server.direct().toString())
                .with("token", server.token);
    }

    @Test
    void syncedFolder_thenMagicWithThumbnails_writesThumbnailsIntoTheBucket() throws Exception {
        sync();
        String id = datasetWithBucket("farm", LocalS3.SECRET_KEY);
        DatasourceConfigVerifyData lights = client.verifyDatasource(id);
        assertThat(
                        lights.canList()
                                && lights.canRead()
                                && lights.canWrite()
                                && lights.canOverwrite())
                .as("all lights green: %s", lights.errors())
                .isTrue();

        MagicWorkflow.run(Contexts.in(dir.resolve("run"), magic(id), new StringWriter()), "test");

        List<String> thumbs =
                s3
                        .client()
                        .listObjectsV2Paginator(
                                r -> r.bucket(BUCKET).prefix(PREFIX + ".lightly/thumbnails/"))
                        .contents()
                        .stream()
                        .map(S3Object::key)
                        .sorted()
                        .toList();
        assertThat(thumbs)
                .hasSize(12)
                .contains(PREFIX + ".lightly/thumbnails/class_0/img_000_thumb.jpg");
        List<String> ids = client.mappings(id, "_id");
        byte[] full = client.get(client.readUrl(id, ids.get(7), "full"), "full");
        assertThat(full).isEqualTo(Files.readAllBytes(dir.resolve("farm/class_1/img_001.jpg")));
        byte[] thumb = client.get(client.readUrl(id, ids.get(7), "thumbnail"), "thumb");
        assertThat(new String(thumb, 8, 4)).isEqualTo("WEBP");
        assertThat(client.embeddings(id))
                .singleElement()
                .satisfies(e -> assertThat(e.isProcessed()).isTrue());
    }

    @Test
    void wrongSecret_turnsEveryLightRedWithReasons_andTheUploadStops() throws Exception {
        sync();
        String id = datasetWithBucket("wrong", "not-the-secret");
        DatasourceConfigVerifyData lights = client.verifyDatasource(id);
        assertThat(
                        List.of(
                                lights.canList(),
                                lights.canRead(),
                                lights.canWrite(),
                                lights.canOverwrite()))
                .containsOnly(false);
        assertThat(lights.errors()).containsKeys("canList", "canRead", "canWrite", "canOverwrite");
        assertThat(lights.errors().get("canList")).contains("SignatureDoesNotMatch");
        assertThatThrownBy(
                        () ->
                                MagicWorkflow.run(
                                        Contexts.in(
                                                dir.resolve("run"), magic(id), new StringWriter()),
                                        "t"))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("the List light is red");
    }

    @Test
    void anObjectMissingFromTheBucket_isReportedByValidation() throws Exception {
        sync();
        s3.client().deleteObject(r -> r.bucket(BUCKET).key(PREFIX + "class_0/img_004.jpg"));
        String id = datasetWithBucket("gap", LocalS3.SECRET_KEY);
        Config strict = magic(id).with("upload", "metadata").with("validate", "strict");
        assertThatThrownBy(
                        () ->
                                MagicWorkflow.run(
                                        Contexts.in(dir.resolve("a"), strict, new StringWriter()),
                                        "t"))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining(
                        "1 of 12 local images are not in S3 s3://datalake/projects/farm/")
                .hasMessageContaining("class_0/img_004.jpg");
        MagicWorkflow.run(
                Contexts.in(dir.resolve("b"), strict.with("validate", "warn"), new StringWriter()),
                "t");
        assertThat(client.dataset(id).nSamples()).isEqualTo(12);
    }

    @Test
    void s3Input_givesTheSameEmbeddingRowsAsTheSyncedFolder() throws Exception {
        sync();
        Config local = Contexts.tiny(dir).with("input_dir", "farm");
        String fromFolder =
                Files.readString(
                        EmbedWorkflow.run(Contexts.in(dir.resolve("l"), local, new StringWriter()))
                                .embeddings());
        String fromS3;
        try (AwsProperties credentials =
                AwsProperties.set(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY)) {
            Config direct =
                    local.with("input_dir", "s3://" + BUCKET + "/" + PREFIX)
                            .with("endpoint_url", s3.endpoint().toString());
            fromS3 =
                    Files.readString(
                            EmbedWorkflow.run(
                                            Contexts.in(
                                                    dir.resolve("s"), direct, new StringWriter()))
                                    .embeddings());
        }
        assertThat(fromS3).isEqualTo(fromFolder);
    }

    /** {@code /usr/bin/aws s3 sync s3://datalake/projects/farm ./farm}, as the guide says. */
    private void sync() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/aws")), "Debian's awscli is not installed");
        ProcessBuilder builder =
                new ProcessBuilder(
                                "/usr/bin/aws",
                                "s3",
                                "sync",
                                "s3://" + BUCKET + "/" + PREFIX.substring(0, PREFIX.length() - 1),
                                "farm",
                                "--endpoint-url",
                                s3.endpoint().toString(),
                                "--no-progress")
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("sync.log").toFile());
        builder.environment().remove("AWS_CA_BUNDLE");
        builder.environment().remove("AWS_PROFILE");
        builder.environment().put("AWS_ACCESS_KEY_ID", LocalS3.ACCESS_KEY);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", LocalS3.SECRET_KEY);
        builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        builder.environment().put("AWS_CONFIG_FILE", dir.resolve("no-aws-config").toString());
        Process process = builder.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("sync.log"))).isZero();
        try (var files = Files.walk(dir.resolve("farm"))) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(12);
        }
    }
}
