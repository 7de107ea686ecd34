package org.lightlyjava.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.model.SampleBatchRequest;
import org.lightlyjava.api.model.SampleBatchResponse;
import org.lightlyjava.api.model.WriteCsvUrlData;
import org.lightlyjava.server.ServerSettings;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Postgres;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/** An upload as Lightly's client does it, with the server on PostgreSQL; skipped without one. */
class PostgresApiTest extends ServerTestBase {

    @Override
    protected ServerSettings.Builder settings(ServerSettings.Builder builder) {
        return builder.database(Postgres.freshSchema());
    }

    @Test
    void aWholeUploadWorksOnPostgresql() {
        assertThat(server.server().databaseVendor()).isEqualTo("postgresql");
        String ds = newDataset();
        SampleBatchResponse batch =
                alice.post(
                                "/v1/datasets/" + ds + "/samples/batch",
                                new SampleBatchRequest(
                                        List.of(Fixtures.sample("b.jpg"), Fixtures.sample("a.jpg")),
                                        "thumbnail"))
                        .as(SampleBatchResponse.class);
        assertThat(Api.putUrl(batch.samples().get(0).thumbWriteUrl(), new byte[] {1}).status())
                .isEqualTo(200);
        assertThat(alice.post("/v1/datasets/" + ds + "/samples", Fixtures.sample("a.jpg")).status())
                .isEqualTo(409);
        assertThat(alice.post("/v1/datasets/" + ds + "/samples", Fixtures.sample("c.jpg")).status())
                .isEqualTo(200);
        alice.put(
                "/v1/datasets/" + ds + "/registerDatasetUpload",
                Fixtures.body("total", 3, "processed", 0, "isRegistered", true));
        String initial =
                alice.post(
                                "/v1/datasets/" + ds + "/tags/initial",
                                Fixtures.body("imgType", "thumbnail"))
                        .json()
                        .get("id")
                        .asText();
        alice.post("/v1/datasets/" + ds + "/samples", Fixtures.sample("d.jpg"));
        Response up =
                alice.post(
                        "/v1/datasets/" + ds + "/tags/upsize",
                        Fixtures.body(
                                "upsizeTagName",
                                "20240101_10h00m00s",
                                "upsizeTagCreator",
                                "USER_PIP"));
        assertThat(up.status()).isEqualTo(200);
        assertThat(
                        alice.get("/v1/datasets/" + ds + "/tags/" + initial)
                                .json()
                                .get("bitMaskData")
                                .asText())
                .isEqualTo("0xf");

        WriteCsvUrlData url =
                alice.get("/v1/datasets/" + ds + "/embeddings/writeCSVUrl?name=default")
                        .as(WriteCsvUrlData.class);
        String csv =
                "filenames,embedding_0,embedding_1,labels\n"
                        + "d.jpg,0,1,0\nc.jpg,1,0,0\nb.jpg,2,2,0\na.jpg,3,1,0\n";
        assertThat(Api.putUrl(url.signedWriteUrl(), csv.getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(200);
        assertThat(
                        alice.get("/v1/datasets/" + ds + "/embeddings/" + url.embeddingId() + "/2d")
                                .json()
                                .get(0)
                                .get("coordinatesDimension1"))
                .hasSize(4);
        assertThat(alice.get("/v1/datasets/" + ds + "/mappings?field=fileName").json())
                .extracting(n -> n.asText())
                .containsExactly("b.jpg", "a.jpg", "c.jpg", "d.jpg");

        assertThat(alice.delete("/v1/datasets/" + ds).status()).isEqualTo(200);
        assertThat(alice.get("/v1/datasets").json()).isEmpty();
    }
}
