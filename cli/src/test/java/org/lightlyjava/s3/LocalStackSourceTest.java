package org.lightlyjava.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.dataset.FolderSource;
import org.lightlyjava.testing.AwsProperties;
import org.lightlyjava.testing.TestImages;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The listing check of {@link S3SourceTest} against LocalStack's S3, where a Docker engine exists;
 * skipped (never failed) without one.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackSourceTest {

    @Container
    static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
                    .withServices("s3");

    @TempDir Path dir;

    @Test
    void listing_classFolders_equalsTheFolderScanOfTheSameFiles() throws Exception {
        Path local = TestImages.classFolders(dir.resolve("farm"), 3, 3, 24, 16);
        TestImages.write(
                TestImages.image(0, 20, 20, new java.util.SplittableRandom(3)),
                local.resolve("class_2/deep/x.jpg"));
        try (S3Client client = client()) {
            client.createBucket(request -> request.bucket("localstack-farm"));
            try (Stream<Path> files = Files.walk(local)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String key = "projects/farm/" + local.relativize(file);
                    client.putObject(
                            request -> request.bucket("localstack-farm").key(key),
                            RequestBody.fromFile(file));
                }
            }
        }
        FolderSource folder = FolderSource.scan(local);
        try (AwsProperties ignored =
                        AwsProperties.set(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey());
                S3Source source =
                        S3Source.open(
                                "s3://localstack-farm/projects/farm/",
                                LOCALSTACK.getEndpoint().toString())) {
            assertThat(source.classes()).isEqualTo(folder.classes());
            assertThat(source.samples()).hasSize(10).isEqualTo(folder.samples());
            assertThat(source.read(source.samples().get(9)))
                    .isEqualTo(folder.read(folder.samples().get(9)));
        }
    }

    private static S3Client client() {
        return S3Client.builder()
                .httpClientBuilder(ApacheHttpClient.builder())
                .endpointOverride(LOCALSTACK.getEndpoint())
                .region(Region.of(LOCALSTACK.getRegion()))
                .forcePathStyle(true)
                .credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(
                                        LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
                .build();
    }
}
