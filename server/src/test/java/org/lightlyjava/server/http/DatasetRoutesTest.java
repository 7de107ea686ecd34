package org.lightlyjava.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.model.DatasetData;
import org.lightlyjava.api.model.ServerInfo;
import org.lightlyjava.server.ServerSettings;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/** Versions, info, quota and {@code /v1/datasets}. */
class DatasetRoutesTest extends ServerTestBase {

    @Override
    protected ServerSettings.Builder settings(ServerSettings.Builder builder) {
        return builder.maxJsonBytes(1 << 20).maxSamplesPerDataset(25_000);
    }

    @Test
    void versions_keepEveryClientHappy() {
        assertThat(anonymous.get("/v1/versions/pip/minimum").body()).isEqualTo("\"1.0.0\"");
        assertThat(anonymous.get("/v1/versions/pip/latest?currentVersion=1.1.20").body())
                .isEqualTo("\"1.1.20\"");
        assertThat(anonymous.get("/v1/versions/pip/latest").body()).isEqualTo("\"1.2.47\"");
    }

    @Test
    void info_namesTheServerAndItsExtensions() {
        ServerInfo info = anonymous.get("/v1/lightly-java/info").as(ServerInfo.class);
        assertThat(info.server()).isEqualTo("lightly-java");
        assertThat(info.version()).isNotBlank();
        assertThat(info.has(ServerInfo.SAMPLES_BATCH)).isTrue();
    }

    @Test
    void quota_isTheConfiguredMaximumAsAString() {
        assertThat(alice.get("/v1/quota").body()).isEqualTo("\"25000\"");
    }

    @Test
    void create_getAndList() {
        Response created =
                alice.post(
                        "/v1/datasets",
                        Fixtures.body(
                                "name",
                                "cats_and-dogs 1",
                                "type",
                                "Images",
                                "creator",
                                "USER_PIP_LIGHTLY_MAGIC",
                                "somethingNew",
                                1));
        assertThat(created.status()).isEqualTo(200);
        String id = created.json().get("id").asText();
        assertThat(id).matches("[a-f0-9]{24}");

        JsonNode json = alice.get("/v1/datasets/" + id).json();
        for (String field :
                List.of(
                        "id",
                        "name",
                        "userId",
                        "type",
                        "nSamples",
                        "sizeInBytes",
                        "createdAt",
                        "lastModifiedAt")) {
            assertThat(json.hasNonNull(field)).as(field).isTrue();
        }
        DatasetData data = alice.get("/v1/datasets/" + id).as(DatasetData.class);
        assertThat(data.name()).isEqualTo("cats_and-dogs 1");
        assertThat(data.type()).isEqualTo("Images");
        assertThat(data.nSamples()).isZero();
        assertThat(alice.get("/v1/datasets").json().findValuesAsText("id")).contains(id);
    }

    @Test
    void create_refusesATakenNameWith409() {
        newDatasetNamed("taken name");
        Response again = alice.post("/v1/datasets", Fixtures.body("name", "taken name"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("DATASET_NAME_EXISTS");
        assertThat(bob.post("/v1/datasets", Fixtures.body("name", "taken name")).status())
                .isEqualTo(200);
    }

    @Test
    void create_refusesInvalidNamesAndValues() {
        int before = alice.get("/v1/datasets").json().size();
        for (String name : List.of("ab", "_lead", "semi;colon", "dot.ted", "")) {
            Response r = alice.post("/v1/datasets", Fixtures.body("name", name));
            assertThat(r.status()).as(name).isEqualTo(400);
            assertThat(r.code()).as(name).isEqualTo("BAD_REQUEST");
            assertThat(r.message()).as(name).contains("^[a-zA-Z0-9][a-zA-Z0-9 _-]+$");
        }
        assertThat(alice.post("/v1/datasets", Fixtures.body("type", "Images")).status())
                .isEqualTo(400);
        assertThat(
                        alice.post("/v1/datasets", Fixtures.body("name", "abc", "type", "Audio"))
                                .status())
                .isEqualTo(400);
        assertThat(
                        alice.post("/v1/datasets", Fixtures.body("name", "abc", "imgType", "x"))
                                .status())
                .isEqualTo(400);
        assertThat(
                        alice.post(
                                        "/v1/datasets",
                                        Fixtures.body("name", "abcd", "parentDatasetId", "nothex"))
                                .status())
                .isEqualTo(400);
        assertThat(alice.get("/v1/datasets").json()).hasSize(before);
    }

    @Test
    void malformedAndOversizedBodies_areRefusedAndChangeNothing() {
        int before = alice.get("/v1/datasets").json().size();
        Response broken = alice.postRaw("/v1/datasets", "{\"name\": ");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(alice.postRaw("/v1/datasets", "").code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(alice.postRaw("/v1/datasets", "null").code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(alice.postRaw("/v1/datasets", "[1,2]").code()).isEqualTo("MALFORMED_REQUEST");

        String huge = "{\"name\":\"big one\",\"pad\":\"" + "x".repeat(2 << 20) + "\"}";
        Response[] answer = new Response[1];
        int status = Api.statusOrClosed(() -> answer[0] = alice.postRaw("/v1/datasets", huge));
        assertThat(status).isIn(413, -1);
        if (status == 413) {
            assertThat(answer[0].code()).isEqualTo("PAYLOAD_TOO_LARGE");
        }
        assertThat(alice.get("/v1/datasets").json()).hasSize(before);
    }

    @Test
    void malformedAndUnknownIds() {
        assertThat(alice.get("/v1/datasets/123").status()).isEqualTo(400);
        assertThat(alice.get("/v1/datasets/ABCDEF0123456789ABCDEF01").status()).isEqualTo(400);
        Response unknown = alice.get("/v1/datasets/" + "0".repeat(24));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("DATASET_UNKNOWN");
        Response route = alice.get("/v1/no/such/route");
        assertThat(route.status()).isEqualTo(404);
        assertThat(route.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void list_pagesByItemOffsetUntilAnEmptyPage() {
        var fresh = server.server();
        String token = fresh.issueToken("pager");
        var pager = alice.as(token);
        for (int i = 0; i < 5; i++) {
            Fixtures.dataset(pager, "page set " + i);
        }
        assertThat(pager.get("/v1/datasets?pageSize=2&pageOffset=0").json()).hasSize(2);
        JsonNode second = pager.get("/v1/datasets?pageSize=2&pageOffset=2").json();
        assertThat(second.findValuesAsText("name")).containsExactly("page set 2", "page set 3");
        assertThat(pager.get("/v1/datasets?pageSize=2&pageOffset=4").json()).hasSize(1);
        assertThat(pager.get("/v1/datasets?pageSize=2&pageOffset=6").json()).isEmpty();
        assertThat(pager.get("/v1/datasets?shared=True").json()).isEmpty();
        assertThat(pager.get("/v1/datasets?shared=False").json()).hasSize(5);
        assertThat(pager.get("/v1/datasets?pageSize=0").status()).isEqualTo(400);
        assertThat(pager.get("/v1/datasets?pageOffset=x").status()).isEqualTo(400);
        assertThat(pager.get("/v1/datasets?shared=maybe").status()).isEqualTo(400);
    }

    @Test
    void queryByName_exactOrByPrefix() {
        String id = newDatasetNamed("query me");
        newDatasetNamed("query me too");
        JsonNode exact =
                alice.get("/v1/datasets/query/name/query%20me?exact=True&shared=False").json();
        assertThat(exact.findValuesAsText("id")).containsExactly(id);
        JsonNode prefix = alice.get("/v1/datasets/query/name/query%20me?exact=false").json();
        assertThat(prefix).hasSize(2);
        assertThat(alice.get("/v1/datasets/query/name/nothing?exact=true").json()).isEmpty();
        assertThat(bob.get("/v1/datasets/query/name/query%20me?exact=true").json()).isEmpty();
        assertThat(alice.get("/v1/datasets/query/name/query%20me?exact=true&shared=true").json())
                .isEmpty();
    }

    @Test
    void delete_removesTheDatasetAndItsBlobs() throws Exception {
        String id = newDataset();
        String sample = Fixtures.samples(alice, id, 1).get(0);
        String url =
                alice.get(
                                "/v1/datasets/"
                                        + id
                                        + "/samples/"
                                        + sample
                                        + "/writeurl?isThumbnail=true")
                        .string();
        assertThat(Api.putUrl(url, new byte[] {1, 2}).status()).isEqualTo(200);
        assertThat(java.nio.file.Files.exists(dataDir.resolve("blobs").resolve(id))).isTrue();

        assertThat(alice.delete("/v1/datasets/" + id).status()).isEqualTo(200);
        assertThat(alice.get("/v1/datasets/" + id).status()).isEqualTo(404);
        assertThat(java.nio.file.Files.exists(dataDir.resolve("blobs").resolve(id))).isFalse();
        assertThat(alice.delete("/v1/datasets/" + id).status()).isEqualTo(404);
    }

    @Test
    void registerDatasetUpload_isAccepted() {
        String id = newDataset();
        Response r =
                alice.put(
                        "/v1/datasets/" + id + "/registerDatasetUpload",
                        Fixtures.body(
                                "total",
                                10,
                                "processed",
                                0,
                                "isRegistered",
                                true,
                                "uploadMethod",
                                "USER_PIP"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(
                        alice.put(
                                        "/v1/datasets/" + id + "/registerDatasetUpload",
                                        Fixtures.body("total", -1))
                                .status())
                .isEqualTo(400);
    }

    private String newDatasetNamed(String name) {
        return Fixtures.dataset(alice, name);
    }
}
