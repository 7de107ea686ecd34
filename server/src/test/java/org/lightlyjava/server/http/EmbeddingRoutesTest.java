package org.lightlyjava.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.model.DatasetEmbeddingData;
import org.lightlyjava.api.model.Embedding2dData;
import org.lightlyjava.api.model.JobStatusData;
import org.lightlyjava.api.model.WriteCsvUrlData;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/** Embeddings: CSV upload through a signed URL, checks, reordering, PCA, jobs. */
class EmbeddingRoutesTest extends ServerTestBase {

    /** Rows in an order other than the samples' (a, b, c, d), LF line ends as Lightly's PUT. */
    private static final String SHUFFLED =
            "filenames,embedding_0,embedding_1,labels\n"
                    + "d.jpg,0.0,-0.5,1\n"
                    + "b.jpg,-1.0,0.0,0\n"
                    + "a.jpg,1.0,0.0,0\n"
                    + "c.jpg,0.0,0.5,1\n";

    private String datasetWithSamples() {
        String ds = newDataset();
        for (String name : List.of("a.jpg", "b.jpg", "c.jpg", "d.jpg")) {
            assertThat(
                            alice.post("/v1/datasets/" + ds + "/samples", Fixtures.sample(name))
                                    .status())
                    .isEqualTo(200);
        }
        return ds;
    }

    private WriteCsvUrlData writeUrl(String ds, String name) {
        Response r =
                alice.get(
                        "/v1/datasets/" + ds + "/embeddings/writeCSVUrl?name=" + Api.encode(name));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.as(WriteCsvUrlData.class);
    }

    private static Response put(WriteCsvUrlData url, String csv) {
        return Api.putUrl(url.signedWriteUrl(), csv.getBytes(StandardCharsets.UTF_8));
    }

    private String emb(String ds, String rest) {
        return "/v1/datasets/" + ds + "/embeddings" + rest;
    }

    @Test
    void upload_isReorderedToCreationOrderAndProjected() {
        String ds = datasetWithSamples();
        WriteCsvUrlData url = writeUrl(ds, "default");
        assertThat(alice.get(emb(ds, "")).json().get(0).get("isProcessed").asBoolean()).isFalse();
        assertThat(put(url, SHUFFLED).status()).isEqualTo(200);

        JsonNode listed = alice.get(emb(ds, "")).json().get(0);
        for (String field : List.of("id", "name", "isProcessed", "createdAt")) {
            assertThat(listed.hasNonNull(field)).as(field).isTrue();
        }
        assertThat(listed.get("isProcessed").asBoolean()).isTrue();
        String read = alice.get(emb(ds, "/" + url.embeddingId() + "/readCSVUrl")).string();
        assertThat(new String(Api.getBytes(read), StandardCharsets.UTF_8))
                .isEqualTo(
                        "filenames,embedding_0,embedding_1,labels\n"
                                + "a.jpg,1.0,0.0,0\n"
                                + "b.jpg,-1.0,0.0,0\n"
                                + "c.jpg,0.0,0.5,1\n"
                                + "d.jpg,0.0,-0.5,1\n");

        JsonNode projections = alice.get(emb(ds, "/" + url.embeddingId() + "/2d")).json();
        assertThat(projections).hasSize(1);
        Embedding2dData pca =
                alice.get(
                                emb(
                                        ds,
                                        "/"
                                                + url.embeddingId()
                                                + "/2d/"
                                                + projections.get(0).get("id").asText()))
                        .as(Embedding2dData.class);
        assertThat(pca.dimensionalityReductionMethod()).isEqualTo("PCA");
        assertThat(pca.embeddingId()).isEqualTo(url.embeddingId());
        assertCoordinates(pca.coordinatesDimension1(), 1, -1, 0, 0);
        assertCoordinates(pca.coordinatesDimension2(), 0, 0, 0.5, -0.5);
    }

    private static void assertCoordinates(List<Double> actual, double... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual.get(i)).isCloseTo(expected[i], within(1e-9));
        }
    }

    @Test
    void mismatchedFileNames_areRefusedNamingThemAndStoreNothing() {
        String ds = datasetWithSamples();
        WriteCsvUrlData url = writeUrl(ds, "default");
        String wrong = SHUFFLED.replace("d.jpg", "e.jpg");
        Response r = put(url, wrong);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message())
                .contains("e.jpg")
                .contains("d.jpg")
                .contains("not samples")
                .contains("without a row");
        assertThat(put(url, SHUFFLED.replace("d.jpg", "a.jpg")).message())
                .contains("1 listed twice (line 4 repeats 'a.jpg' of line 2)")
                .contains("1 samples without a row (d.jpg)");

        Response rows = put(url, "filenames,embedding_0,labels\na.jpg,1.0,0\n");
        assertThat(rows.status()).isEqualTo(400);
        assertThat(rows.code()).isEqualTo("EMBEDDING_ROW_COUNT_INVALID");
        assertThat(rows.message()).contains("1 rows").contains("4 samples");
        assertThat(put(url, "filenames,embedding_0\na.jpg,1\n").status()).isEqualTo(400);
        assertThat(put(url, "").status()).isEqualTo(400);

        assertThat(alice.get(emb(ds, "")).json().get(0).get("isProcessed").asBoolean()).isFalse();
        assertThat(alice.get(emb(ds, "/" + url.embeddingId() + "/readCSVUrl")).status())
                .isEqualTo(404);
        assertThat(alice.get(emb(ds, "/" + url.embeddingId() + "/2d")).json()).isEmpty();
    }

    @Test
    void writeCsvUrl_isResumableUntilProcessedThenTheNameIsTaken() {
        String ds = datasetWithSamples();
        WriteCsvUrlData first = writeUrl(ds, "default");
        WriteCsvUrlData resumed = writeUrl(ds, "default");
        assertThat(resumed.embeddingId()).isEqualTo(first.embeddingId());
        assertThat(alice.get(emb(ds, "")).json()).hasSize(1);
        assertThat(put(resumed, SHUFFLED).status()).isEqualTo(200);
        Response taken = alice.get(emb(ds, "/writeCSVUrl?name=default"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("EMBEDDING_NAME_EXISTS");
        assertThat(alice.get(emb(ds, "/writeCSVUrl")).status()).isEqualTo(400);

        writeUrl(ds, "default_20240101_10h00m00s");
        List<DatasetEmbeddingData> newestFirst =
                List.of(alice.get(emb(ds, "")).as(DatasetEmbeddingData[].class));
        assertThat(newestFirst)
                .extracting(DatasetEmbeddingData::name)
                .containsExactly("default_20240101_10h00m00s", "default");
    }

    @Test
    void trigger2d_succeedsForEveryMethodButOnlyPcaComputes() {
        String ds = datasetWithSamples();
        WriteCsvUrlData url = writeUrl(ds, "default");
        String trigger = emb(ds, "/" + url.embeddingId() + "/trigger2dEmbeddingsJob");
        assertThat(
                        alice.post(trigger, Fixtures.body("dimensionalityReductionMethod", "PCA"))
                                .status())
                .as("no CSV yet")
                .isEqualTo(404);
        put(url, SHUFFLED);

        JobStatusData pca =
                job(alice.post(trigger, Fixtures.body("dimensionalityReductionMethod", "PCA")));
        assertThat(pca.status()).isEqualTo("FINISHED");
        String projection =
                alice.get(emb(ds, "/" + url.embeddingId() + "/2d"))
                        .json()
                        .get(0)
                        .get("id")
                        .asText();
        assertThat(pca.result().data()).isEqualTo(projection);
        for (String method : List.of("TSNE", "UMAP")) {
            JobStatusData other =
                    job(
                            alice.post(
                                    trigger,
                                    Fixtures.body("dimensionalityReductionMethod", method)));
            assertThat(other.status()).isEqualTo("FAILED");
            assertThat(other.error()).contains("PCA");
        }
        assertThat(
                        alice.post(trigger, Fixtures.body("dimensionalityReductionMethod", "LDA"))
                                .status())
                .isEqualTo(400);
        assertThat(alice.get(emb(ds, "/" + url.embeddingId() + "/2d")).json()).hasSize(1);
    }

    private JobStatusData job(Response started) {
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String jobId = started.json().get("jobId").asText();
        Response polled = alice.get("/v1/jobs/" + jobId);
        assertThat(polled.status()).isEqualTo(200);
        assertThat(bob.get("/v1/jobs/" + jobId).status()).isEqualTo(404);
        return polled.as(JobStatusData.class);
    }

    @Test
    void lightlysCheckedColumns_areAccepted() {
        String ds = datasetWithSamples();
        String csv =
                "filenames,embedding_0,masked,labels\r\n"
                        + "a.jpg,1e-05,0,3\r\nb.jpg,2,1,3\r\n\"c.jpg\",3,0,3\r\nd.jpg,-4.5,0,3\r\n";
        WriteCsvUrlData url = writeUrl(ds, "with extra column");
        assertThat(put(url, csv).status()).isEqualTo(200);
        String read = alice.get(emb(ds, "/" + url.embeddingId() + "/readCSVUrl")).string();
        assertThat(new String(Api.getBytes(read), StandardCharsets.UTF_8))
                .as("handed back as uploaded, extra column and quotes included")
                .isEqualTo(csv);
        Embedding2dData pca =
                alice.get(emb(ds, "/" + url.embeddingId() + "/2d")).as(Embedding2dData[].class)[0];
        assertThat(pca.coordinatesDimension2()).containsOnly(0.0);
    }
}
