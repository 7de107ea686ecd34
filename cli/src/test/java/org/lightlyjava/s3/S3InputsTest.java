package org.lightlyjava.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.config.Config;
import org.lightlyjava.dataset.ImageSource;
import org.lightlyjava.pipeline.Inputs;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.ToolException;
import org.lightlyjava.testing.AwsProperties;
import org.lightlyjava.testing.LocalS3;

/** {@code input_dir=s3://...} through {@link Inputs}: what the user sees when it goes wrong. */
class S3InputsTest {

    private static LocalS3 s3;

    @TempDir Path dir;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = LocalS3.start();
        s3.createBucket("photos");
        s3.put("photos", "album/cats/a.jpg", new byte[] {1, 2, 3});
        s3.put("photos", "album/dogs/b.png", new byte[] {4});
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    private Config config(String input) {
        return Config.defaults(dir)
                .with("input_dir", input)
                .with("endpoint_url", s3.endpoint().toString());
    }

    private ToolException failure(String input, String accessKey, String secretKey) {
        try (AwsProperties ignored = AwsProperties.set(accessKey, secretKey)) {
            Throwable thrown =
                    org.assertj.core.api.Assertions.catchThrowable(
                            () -> Inputs.open(config(input)));
            assertThat(thrown).isInstanceOf(ToolException.class);
            ToolException failure = (ToolException) thrown;
            assertThat(failure.exitCode()).isEqualTo(ExitCode.CONFIG);
            return failure;
        }
    }

    @Test
    void open_s3Prefix_listsItWithTheDefaultCredentialChain() {
        try (AwsProperties ignored = AwsProperties.set(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY);
                ImageSource source = Inputs.open(config("s3://photos/album"))) {
            assertThat(source.describe()).isEqualTo("s3://photos/album/");
            assertThat(source.classes()).containsExactly("cats", "dogs");
            assertThat(source.samples()).hasSize(2);
        }
    }

    @Test
    void open_wrongSecret_failsWithExit3NamingTheBucket() {
        assertThat(failure("s3://photos/album/", LocalS3.ACCESS_KEY, "wrong").getMessage())
                .contains("bucket 'photos'")
                .contains("SignatureDoesNotMatch")
                .contains("AWS_SECRET_ACCESS_KEY");
    }

    @Test
    void open_unknownAccessKey_failsWithExit3NamingTheBucket() {
        assertThat(failure("s3://photos/album/", "AKIDUNKNOWN", LocalS3.SECRET_KEY).getMessage())
                .contains("bucket 'photos'")
                .contains("InvalidAccessKeyId")
                .contains("AWS_ACCESS_KEY_ID");
    }

    @Test
    void open_missingBucket_saysItDoesNotExist() {
        assertThat(
                        failure("s3://no-such-bucket/x/", LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY)
                                .getMessage())
                .startsWith("bucket 'no-such-bucket' does not exist")
                .contains(s3.endpoint().toString());
    }

    @Test
    void open_emptyPrefix_saysNoImagesWereFound() {
        assertThat(
                        failure("s3://photos/nothing/", LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY)
                                .getMessage())
                .startsWith("no images found in s3://photos/nothing/");
    }

    @Test
    void open_badEndpoint_isAConfigurationError() {
        try (AwsProperties ignored = AwsProperties.set(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY)) {
            assertThatThrownBy(
                            () ->
                                    Inputs.open(
                                            config("s3://photos/album/")
                                                    .with("endpoint_url", "127.0.0.1:9000")))
                    .isInstanceOf(ToolException.class)
                    .hasMessageContaining("endpoint_url=127.0.0.1:9000 is no http(s) URL");
        }
    }
}
