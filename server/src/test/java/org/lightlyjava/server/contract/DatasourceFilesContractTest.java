package org.lightlyjava.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.S3TestBase;

/**
 * The {@code .lightly/metadata}, {@code .lightly/predictions} and {@code .lightly/embeddings} files
 * of a datasource as Lightly's client reaches them ({@code get_metadata_read_url}, {@code
 * get_prediction_read_url}, {@code get_custom_embedding_read_url}, the prediction write URL, {@code
 * download_raw_metadata}, {@code download_raw_predictions}), on a LOCAL folder and on S3.
 */
class DatasourceFilesContractTest extends S3TestBase {

    private static String now() {
        return String.valueOf(System.currentTimeMillis() / 1000 + 1);
    }

    private static String text(String url) {
        return new String(Api.getBytes(url), StandardCharsets.UTF_8);
    }

    private static String url(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().isTextual()).as(r.body()).isTrue();
        return r.json().asText();
    }

    /** {@code _download_raw_files}: from/to first, then the cursor while hasMore. */
    private static List<String> download(PythonClientCalls client, String path) {
        List<String> rows = new ArrayList<>();
        JsonNode page =
                client.get(path + "&from=0&to=" + now() + "&useRedirectedReadUrl=False").json();
        while (true) {
            assertThat(page.get("cursor").isTextual()).as(page.toString()).isTrue();
            for (JsonNode row : page.get("data")) {
                rows.add(row.get("fileName").asText() + "=" + text(row.get("readUrl").asText()));
            }
            if (!page.get("hasMore").asBoolean()) {
                return rows;
            }
            page =
                    client.get(
                                    path
                                            + "&cursor="
                                            + Api.encode(page.get("cursor").asText())
                                            + "&useRedirectedReadUrl=False")
                            .json();
        }
    }

    private void filesOf(String ds, PythonClientCalls client) {
        String base = "/v1/datasets/" + ds + "/datasource";
        assertThat(text(url(client.get(base + "/metadata/file?fileName=cats/a.json"))))
                .isEqualTo("{\"meta\": 1}");
        assertThat(text(url(client.get(base + "/predictions/file?fileName=weather/b.json"))))
                .isEqualTo("{\"pred\": 2}");
        assertThat(text(url(client.get(base + "/embeddings/file?fileName=mine.csv"))))
                .isEqualTo("filenames,embedding_0,labels\n");

        String write = url(client.get(base + "/predictions/writeUrl?fileName=weather/c.json"));
        assertThat(Api.putUrl(write, "{\"pred\": 3}".getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(200);
        assertThat(text(url(client.get(base + "/predictions/file?fileName=weather/c.json"))))
                .isEqualTo("{\"pred\": 3}");

        assertThat(download(client, base + "/metadata/list?x=1"))
                .containsExactly("cats/a.json={\"meta\": 1}", "d.json={\"meta\": 4}");
        assertThat(download(client, base + "/predictions/list?taskName=weather"))
                .containsExactly("b.json={\"pred\": 2}", "c.json={\"pred\": 3}");
        assertThat(download(client, base + "/predictions/list?taskName=other")).isEmpty();

        Response redirected =
                client.get(
                        base + "/metadata/list?from=0&to=" + now() + "&useRedirectedReadUrl=True");
        String viaServer = redirected.json().get("data").get(0).get("readUrl").asText();
        assertThat(viaServer).startsWith(alice.base());
        Response found = Api.getUrl(viaServer);
        assertThat(found.status()).isEqualTo(302);
        assertThat(text(found.headers().firstValue("Location").orElseThrow()))
                .isEqualTo("{\"meta\": 1}");

        for (String bad :
                List.of(
                        "/metadata/file?fileName=../x.json",
                        "/metadata/file?fileName=/abs.json",
                        "/metadata/file",
                        "/predictions/list?from=0",
                        "/predictions/list?taskName=a/b",
                        "/metadata/list?cursor=nonsense")) {
            Response r = client.get(base + bad);
            assertThat(r.status()).as(bad + ": " + r.body()).isEqualTo(400);
            assertThat(r.message()).isNotBlank();
        }
        assertThat(new PythonClientCalls(bob).get(base + "/metadata/file?fileName=a.json").status())
                .isEqualTo(404);
    }

    @Test
    void localFolder_servesItsLightlyFiles() throws IOException {
        Path farm = dataDir.resolve("local/outputs-farm");
        write(farm.resolve("img.jpg"), "image");
        write(farm.resolve(".lightly/metadata/cats/a.json"), "{\"meta\": 1}");
        write(farm.resolve(".lightly/metadata/d.json"), "{\"meta\": 4}");
        write(farm.resolve(".lightly/predictions/weather/b.json"), "{\"pred\": 2}");
        write(farm.resolve(".lightly/embeddings/mine.csv"), "filenames,embedding_0,labels\n");
        String ds = newDataset();
        setDatasource(alice, ds, Fixtures.body("type", "LOCAL", "fullPath", "outputs-farm"));
        filesOf(ds, new PythonClientCalls(alice));
        assertThat(Files.readString(farm.resolve(".lightly/predictions/weather/c.json")))
                .isEqualTo("{\"pred\": 3}");
    }

    @Test
    void s3Prefix_servesItsLightlyFiles_throughPresignedUrls() {
        String bucket = newBucket();
        s3.put(bucket, "farm/img.jpg", bytes("image"));
        s3.put(bucket, "farm/.lightly/metadata/cats/a.json", bytes("{\"meta\": 1}"));
        s3.put(bucket, "farm/.lightly/metadata/d.json", bytes("{\"meta\": 4}"));
        s3.put(bucket, "farm/.lightly/predictions/weather/b.json", bytes("{\"pred\": 2}"));
        s3.put(
                bucket,
                "farm/.lightly/embeddings/mine.csv",
                bytes("filenames,embedding_0,labels\n"));
        String ds = newDataset();
        setDatasource(alice, ds, s3Config("s3://" + bucket + "/farm/"));
        PythonClientCalls client = new PythonClientCalls(alice);
        String read =
                url(client.get("/v1/datasets/" + ds + "/datasource/metadata/file?fileName=d.json"));
        assertThat(read).startsWith(s3.endpoint()).contains("X-Amz-Signature");
        filesOf(ds, client);
        assertThat(new String(s3.get(bucket, "farm/.lightly/predictions/weather/c.json")))
                .isEqualTo("{\"pred\": 3}");
    }

    @Test
    void withoutDatasource_theFileRoutesAnswer404() {
        String ds = newDataset();
        Response r =
                new PythonClientCalls(alice)
                        .get("/v1/datasets/" + ds + "/datasource/metadata/file?fileName=a.json");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("DATASET_DATASOURCE_UNKNOWN");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
