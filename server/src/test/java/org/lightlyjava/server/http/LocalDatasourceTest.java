package org.lightlyjava.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.model.DatasourceConfigVerifyData;
import org.lightlyjava.api.model.DatasourceRawSamplesData;
import org.lightlyjava.api.model.SampleBatchRequest;
import org.lightlyjava.api.model.SampleBatchResponse;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;
import org.lightlyjava.server.testing.TempFiles;

/** A LOCAL datasource: a folder under the server's local root, served through signed URLs. */
class LocalDatasourceTest extends ServerTestBase {

    private static final byte[] IMAGE = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 9};
    private static final byte[] THUMB = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'};

    private Path root;
    private Path outside;

    @BeforeAll
    void makeFolders() throws IOException {
        root = dataDir.resolve("local");
        write(root.resolve("farm/cats/a.jpg"), IMAGE);
        write(root.resolve("farm/b.jpg"), IMAGE);
        write(root.resolve("farm/.lightly/thumbnails/b_thumb.jpg"), THUMB);
        outside = Files.createTempDirectory("lightly-outside");
        write(outside.resolve("secret.txt"), "not yours".getBytes());
        Files.createSymbolicLink(root.resolve("farm/evil.jpg"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("farm/out"), outside);
        Files.createSymbolicLink(root.resolve("escape"), outside);
    }

    @org.junit.jupiter.api.AfterAll
    void removeOutside() throws IOException {
        TempFiles.deleteRecursively(outside);
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private static Map<String, Object> local(String fullPath) {
        return Fixtures.body("type", "LOCAL", "fullPath", fullPath);
    }

    private String datasetOn(String fullPath) {
        String ds = newDataset();
        Response r = alice.put("/v1/datasets/" + ds + "/datasource", local(fullPath));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return ds;
    }

    @Test
    void set_get_verifyAllGreen() {
        String ds = datasetOn("farm");
        Response got = alice.get("/v1/datasets/" + ds + "/datasource");
        assertThat(got.json().get("type").asText()).isEqualTo("LOCAL");
        assertThat(got.json().get("fullPath").asText()).isEqualTo("farm/");
        assertThat(got.json().has("s3SecretAccessKey")).isFalse();

        DatasourceConfigVerifyData v =
                alice.get("/v1/datasets/" + ds + "/datasource/verify")
                        .as(DatasourceConfigVerifyData.class);
        assertThat(v.canList() && v.canRead() && v.canWrite() && v.canOverwrite())
                .as(String.valueOf(v.errors()))
                .isTrue();
        try (var probes = Files.list(root.resolve("farm/.lightly"))) {
            assertThat(probes.map(p -> p.getFileName().toString())).containsExactly("thumbnails");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void missingFolder_listIsRed() {
        DatasourceConfigVerifyData v =
                alice.get("/v1/datasets/" + datasetOn("not/there") + "/datasource/verify")
                        .as(DatasourceConfigVerifyData.class);
        assertThat(v.canList()).isFalse();
        assertThat(v.errors().get("canList")).contains("no such");
        assertThat(v.errors().get("canList")).doesNotContain(dataDir.toString());
    }

    @Test
    void list_namesRelative_withoutLightlyFolderOrLinksOut_urlsServeTheBytes() {
        String ds = datasetOn("farm/");
        DatasourceRawSamplesData page =
                alice.get("/v1/datasets/" + ds + "/datasource/list")
                        .as(DatasourceRawSamplesData.class);
        assertThat(page.hasMore()).isFalse();
        assertThat(page.data())
                .extracting(DatasourceRawSamplesData.Item::fileName)
                .containsExactly("b.jpg", "cats/a.jpg");
        String url = page.data().get(1).readUrl();
        assertThat(url).startsWith(alice.base() + "/v1/blobs/datasource/");
        assertThat(Api.getBytes(url)).isEqualTo(IMAGE);
    }

    @Test
    void sampleUrls_readAndWriteInTheFolder() {
        String ds = datasetOn("farm");
        SampleBatchResponse created =
                alice.post(
                                "/v1/datasets/" + ds + "/samples/batch",
                                new SampleBatchRequest(
                                        List.of(
                                                Fixtures.sample("cats/a.jpg"),
                                                Fixtures.sample("b.jpg")),
                                        "thumbnail"))
                        .as(SampleBatchResponse.class);
        assertThat(created.samples().get(1).thumbWriteUrl()).as("b_thumb.jpg exists").isNull();
        String thumbPut = created.samples().get(0).thumbWriteUrl();
        assertThat(Api.putUrl(thumbPut, THUMB).status()).isEqualTo(200);
        assertThat(root.resolve("farm/.lightly/thumbnails/cats/a_thumb.jpg"))
                .hasBinaryContent(THUMB);

        String id = created.samples().get(0).id();
        String full =
                alice.get("/v1/datasets/" + ds + "/samples/" + id + "/readurl?type=full").string();
        assertThat(Api.getBytes(full)).isEqualTo(IMAGE);
        String thumb =
                alice.get("/v1/datasets/" + ds + "/samples/" + id + "/readurl?type=thumbnail")
                        .string();
        assertThat(Api.getBytes(thumb)).isEqualTo(THUMB);
    }

    @Test
    void fullPaths_thatLeaveTheRoot_areRefused() {
        String ds = newDataset();
        for (String bad :
                new String[] {
                    "/etc",
                    "../up",
                    "farm/../../up",
                    "s3://host/x",
                    "escape",
                    "farm/out",
                    "a\\b",
                    "http://localhost:1234/escape",
                    "http://localhost:1234/farm/../../up",
                    "http://localhost:1234/farm/%2e%2e/%2e%2e/up",
                    "http://localhost:1234/farm?x=1",
                    "http://user@localhost:1234/farm"
                }) {
            Response r = alice.put("/v1/datasets/" + ds + "/datasource", local(bad));
            assertThat(r.status()).as(bad + ": " + r.body()).isEqualTo(400);
            assertThat(r.code()).isEqualTo("DATASET_DATASOURCE_INVALID");
            assertThat(r.message()).contains("fullPath");
        }
        assertThat(alice.put("/v1/datasets/" + ds + "/datasource", local("")).status())
                .as("the root itself")
                .isEqualTo(200);
    }

    @Test
    void linksOut_areNeitherReadNorWritten() {
        String ds = datasetOn("farm");
        SampleBatchResponse created =
                alice.post(
                                "/v1/datasets/" + ds + "/samples/batch",
                                new SampleBatchRequest(
                                        List.of(
                                                Fixtures.sample("evil.jpg"),
                                                Fixtures.sample("out/new.jpg")),
                                        "full"))
                        .as(SampleBatchResponse.class);
        String evil = created.samples().get(0).id();
        String read =
                alice.get("/v1/datasets/" + ds + "/samples/" + evil + "/readurl?type=full")
                        .string();
        Response served = Api.getUrl(read);
        assertThat(served.status()).isEqualTo(400);
        assertThat(served.body()).doesNotContain("not yours");

        Response put = Api.putUrl(created.samples().get(1).fullWriteUrl(), IMAGE);
        assertThat(put.status()).isEqualTo(400);
        assertThat(outside.resolve("new.jpg")).doesNotExist();
        Response thumb = Api.putUrl(created.samples().get(1).thumbWriteUrl(), THUMB);
        assertThat(thumb.status()).as("thumbnails stay inside .lightly/").isEqualTo(200);
    }
}
