package org.lightlyjava.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.config.Config;
import org.lightlyjava.embed.EmbedWorkflow;
import org.lightlyjava.testing.AwsProperties;
import org.lightlyjava.testing.Contexts;
import org.lightlyjava.testing.LocalS3;
import org.lightlyjava.testing.TestImages;

/**
 * lightly-embed on {@code input_dir=s3://...} gives byte for byte the files the same run gives on
 * the folder the prefix was synced to: embeddings.csv and metadata.jsonl (sizeInBytes included).
 */
class S3EmbedTest {

    private static LocalS3 s3;

    @TempDir Path dir;
    private AwsProperties credentials;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = LocalS3.start();
        s3.createBucket("datalake");
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @BeforeEach
    void credentials() {
        credentials = AwsProperties.set(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY);
    }

    @AfterEach
    void clearCredentials() {
        credentials.close();
    }

    @Test
    void embed_s3Prefix_givesTheFilesOfTheSyncedFolder() throws IOException {
        Path local = TestImages.classFolders(dir.resolve("farm"), 3, 4, 40, 28);
        TestImages.write(
                TestImages.image(1, 52, 36, new java.util.SplittableRandom(7)),
                local.resolve("class_1/deeper/odd.jpg"));
        s3.upload(local, "datalake", "projects/farm/");
        Config base = Contexts.tiny(dir).with("loader.batch_size", "5").with("seed", "11");

        EmbedWorkflow.Result fromFolder = embed(base.with("input_dir", "farm"), "folder");
        EmbedWorkflow.Result fromS3 =
                embed(
                        base.with("input_dir", "s3://datalake/projects/farm/")
                                .with("endpoint_url", s3.endpoint().toString()),
                        "s3");

        assertThat(fromS3.source()).isInstanceOf(S3Source.class);
        assertThat(fromS3.outcome()).isEqualTo(fromFolder.outcome());
        assertThat(fromS3.embedded()).hasSize(13).isEqualTo(fromFolder.embedded());
        assertThat(Files.readAllBytes(fromS3.embeddings()))
                .isEqualTo(Files.readAllBytes(fromFolder.embeddings()));
        List<String> metadata = Files.readAllLines(fromS3.metadata());
        assertThat(metadata).hasSize(13).isEqualTo(Files.readAllLines(fromFolder.metadata()));
        assertThat(metadata.get(0))
                .contains("\"sizeInBytes\":" + Files.size(local.resolve("class_0/img_000.jpg")));
    }

    private EmbedWorkflow.Result embed(Config config, String run) {
        EmbedWorkflow.Result result =
                EmbedWorkflow.run(
                        Contexts.in(dir.resolve(run), config, new StringWriter()),
                        new EmbedWorkflow.Extras(true, false, List.of()));
        result.source().close();
        return result;
    }
}
