package org.lightlyjava.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.ServerTestBase;

/**
 * {@code upload_embeddings}, {@code append_embeddings} and {@code download_embeddings_csv} of
 * Lightly's client 1.2.47, request by request.
 */
class EmbeddingsContractTest extends ServerTestBase {

    /** As Python's csv.writer writes it (CRLF), values as the user's file had them. */
    private static final String IN_SERVER_ORDER =
            "filenames,embedding_0,embedding_1,labels\r\n"
                    + "img_000.jpg,0.12345678901234567,0.4000,0\r\n"
                    + "img_001.jpg,-1.5e-3,2,1\r\n"
                    + "img_002.jpg,0.30000001192092896,-0.0,0\r\n";

    private String datasetWithSamples() {
        String ds = newDataset();
        Fixtures.samples(alice, ds, 3);
        return ds;
    }

    /** {@code upload_embeddings(path, name)}: returns the embedding id. */
    private String uploadEmbeddings(PythonClient py, String ds, String name, byte[] csv) {
        py.call("GET", "/v1/datasets/" + ds + "/embeddings").expect(200);
        JsonNode names =
                py.call("GET", "/v1/datasets/" + ds + "/mappings?field=fileName")
                        .expect(200)
                        .json();
        assertThat(names.isArray()).isTrue();
        JsonNode url =
                py.call("GET", "/v1/datasets/" + ds + "/embeddings/writeCSVUrl?name=" + name)
                        .expect(200)
                        .json();
        assertThat(url.path("signedWriteUrl").isTextual()).isTrue();
        assertThat(url.path("embeddingId").isTextual()).isTrue();
        PythonClient.requestsPut(url.get("signedWriteUrl").asText(), csv).expect(200);
        String id = url.get("embeddingId").asText();
        for (String method : List.of("PCA", "TSNE", "UMAP")) {
            py.call(
                            "POST",
                            "/v1/datasets/" + ds + "/embeddings/" + id + "/trigger2dEmbeddingsJob",
                            Map.of("dimensionalityReductionMethod", method))
                    .expect(200);
        }
        return id;
    }

    /** {@code download_embeddings_csv(path)}: the bytes {@code requests} writes to the file. */
    private byte[] downloadEmbeddingsCsv(PythonClient py, String ds) {
        JsonNode embeddings =
                py.call("GET", "/v1/datasets/" + ds + "/embeddings").expect(200).json();
        String latest = null;
        long latestAt = Long.MIN_VALUE;
        for (JsonNode e : embeddings) {
            for (String field : List.of("id", "name", "isProcessed", "createdAt")) {
                assertThat(e.hasNonNull(field)).as(field).isTrue();
            }
            if (e.get("name").asText().startsWith("default")
                    && e.get("createdAt").asLong() >= latestAt) {
                latest = e.get("id").asText();
                latestAt = e.get("createdAt").asLong();
            }
        }
        assertThat(latest).isNotNull();
        JsonNode readUrl =
                py.call("GET", "/v1/datasets/" + ds + "/embeddings/" + latest + "/readCSVUrl")
                        .expect(200)
                        .json();
        PythonClient.Answer file = PythonClient.requestsGet(readUrl.asText()).expect(200);
        assertThat(file.header("Content-Encoding")).isNull();
        assertThat(file.header("Content-Length")).isEqualTo(Integer.toString(file.body().length));
        return file.body();
    }

    @Test
    void downloadEmbeddingsCsv_withAcceptEncodingGzip_returnsTheUploadedBytes() {
        PythonClient py = new PythonClient(alice);
        String ds = datasetWithSamples();
        byte[] uploaded = IN_SERVER_ORDER.getBytes(StandardCharsets.UTF_8);
        uploadEmbeddings(py, ds, "default", uploaded);

        assertThat(new String(downloadEmbeddingsCsv(py, ds), StandardCharsets.UTF_8))
                .isEqualTo(IN_SERVER_ORDER);
    }

    @Test
    void download_ofALargeCsv_isNotCompressed() {
        PythonClient py = new PythonClient(alice);
        String ds = newDataset();
        Fixtures.samples(alice, ds, 400);
        StringBuilder csv = new StringBuilder("filenames,embedding_0,embedding_1,labels\n");
        for (int i = 0; i < 400; i++) {
            csv.append(String.format("img_%03d.jpg,%d.25,0.5000,0\n", i, i));
        }
        byte[] uploaded = csv.toString().getBytes(StandardCharsets.UTF_8);
        uploadEmbeddings(py, ds, "default_big", uploaded);

        assertThat(downloadEmbeddingsCsv(py, ds)).isEqualTo(uploaded);
    }

    @Test
    void upload_inAnotherOrder_movesRowsButKeepsEveryValueAsWritten() {
        PythonClient py = new PythonClient(alice);
        String ds = datasetWithSamples();
        String shuffled =
                "filenames,embedding_0,embedding_1,labels\n"
                        + "img_002.jpg,0.30000001192092896,-0.0,0\n"
                        + "img_000.jpg,0.12345678901234567,0.4000,0\n"
                        + "img_001.jpg,-1.5e-3,2,1";
        uploadEmbeddings(py, ds, "default", shuffled.getBytes(StandardCharsets.UTF_8));

        assertThat(new String(downloadEmbeddingsCsv(py, ds), StandardCharsets.UTF_8))
                .isEqualTo(
                        "filenames,embedding_0,embedding_1,labels\n"
                                + "img_000.jpg,0.12345678901234567,0.4000,0\n"
                                + "img_001.jpg,-1.5e-3,2,1\n"
                                + "img_002.jpg,0.30000001192092896,-0.0,0");
    }

    @Test
    void appendEmbeddings_readsTheStoredCsvThroughReadCsvUrl() {
        PythonClient py = new PythonClient(alice);
        String ds = datasetWithSamples();
        String id =
                uploadEmbeddings(
                        py, ds, "default", IN_SERVER_ORDER.getBytes(StandardCharsets.UTF_8));

        // append_embeddings: the read URL, then urllib's GET (no Accept-Encoding)
        String url =
                py.call("GET", "/v1/datasets/" + ds + "/embeddings/" + id + "/readCSVUrl")
                        .expect(200)
                        .json()
                        .asText();
        assertThat(
                        new String(
                                org.lightlyjava.server.testing.Api.getBytes(url),
                                StandardCharsets.UTF_8))
                .isEqualTo(IN_SERVER_ORDER);
    }
}
