package org.lightlyjava.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.model.DatasetCreateRequest;
import org.lightlyjava.api.model.DatasourceConfig;
import org.lightlyjava.dataset.Sample;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.ToolException;
import org.lightlyjava.testing.TestServer;
import org.slf4j.LoggerFactory;

/**
 * The check before an upload, against a real server whose dataset has a LOCAL datasource (the same
 * lights and listing routes as S3, without a bucket): red lights stop, file names are compared with
 * the listing, and {@code validate=} decides what a mismatch does.
 */
class DatasourceCheckTest {

    @TempDir Path dir;
    private TestServer server;
    private LightlyClient client;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(DatasourceCheck.class);

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start(dir.resolve("server"));
        client = server.client();
        for (String name : List.of("a.jpg", "b.jpg", "extra.jpg", "notes.txt")) {
            Path file = dir.resolve("server/local/farm/" + name);
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[] {1, 2, 3});
        }
        logs.start();
        logger.addAppender(logs);
        logger.setLevel(Level.INFO);
        logger.setAdditive(false); // captured here, not printed
    }

    @AfterEach
    void stop() {
        logger.detachAppender(logs);
        logger.setLevel(null);
        logger.setAdditive(true);
        server.close();
    }

    private String datasetOn(String folder) {
        String id =
                client.createDataset(
                        DatasetCreateRequest.images("farm-" + folder.replace("/", ""), "USER_PIP"));
        client.setDatasource(
                id,
                new DatasourceConfig(
                        null, "INPUT_OUTPUT", "LOCAL", folder, "", null, null, null, null, null));
        return id;
    }

    private static List<Sample> local(String... names) {
        return java.util.Arrays.stream(names).map(name -> new Sample(name, 0)).toList();
    }

    @Test
    void missingFiles_stopWithStrict_namingCountsAndExamples() {
        String id = datasetOn("farm/");
        List<Sample> samples = local("a.jpg", "b.jpg", "c.jpg");
        assertThatThrownBy(
                        () ->
                                DatasourceCheck.run(
                                        client, id, UploadMode.METADATA, samples, "strict"))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("1 of 3 local images are not in LOCAL farm/")
                .hasMessageContaining("c.jpg")
                .satisfies(
                        e -> assertThat(((ToolException) e).exitCode()).isEqualTo(ExitCode.CONFIG));
        assertThat(messages()).anyMatch(m -> m.contains("1 images in LOCAL farm/ are not in"));
        assertThat(messages()).anyMatch(m -> m.contains("extra.jpg"));
    }

    @Test
    void missingFiles_withWarn_areReportedAndTheUploadGoesOn() {
        String id = datasetOn("farm/");
        assertThatCode(
                        () ->
                                DatasourceCheck.run(
                                        client,
                                        id,
                                        UploadMode.METADATA,
                                        local("a.jpg", "c.jpg"),
                                        "warn"))
                .doesNotThrowAnyException();
        assertThat(messages())
                .anyMatch(m -> m.contains("1 of 2 local images") && m.contains("validate=warn"));
    }

    @Test
    void matchingFiles_passQuietly_andOffSkipsEvenARedDatasource() {
        String id = datasetOn("farm/");
        DatasourceCheck.run(
                client, id, UploadMode.METADATA, local("a.jpg", "b.jpg", "extra.jpg"), "strict");
        assertThat(messages()).anyMatch(m -> m.contains("All 3 local images are in LOCAL farm/"));

        String gone = datasetOn("nowhere/");
        assertThatCode(
                        () ->
                                DatasourceCheck.run(
                                        client, gone, UploadMode.METADATA, local("a.jpg"), "off"))
                .doesNotThrowAnyException();
    }

    @Test
    void aRedListLight_stopsWhateverValidateSays() {
        String gone = datasetOn("nowhere/");
        assertThatThrownBy(
                        () ->
                                DatasourceCheck.run(
                                        client, gone, UploadMode.METADATA, local("a.jpg"), "warn"))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("the List light is red")
                .hasMessageContaining("docs/s3.md");
    }

    private List<String> messages() {
        return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
