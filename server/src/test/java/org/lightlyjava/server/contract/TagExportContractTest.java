package org.lightlyjava.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.BitMask;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.ImageDataset;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.S3Server;
import org.lightlyjava.server.testing.S3TestBase;

/**
 * Lightly's tag exports ({@code TagsApi.export_tag_to_*}), called as the 1.2 and 1.4 clients call
 * them: {@code export_filenames_by_tag_id} pages {@code basic/filenames} with {@code pageSize=5000}
 * and joins the pages with a newline, the Label Studio and Labelbox exports page by 20000, {@code
 * export_filenames_and_read_urls_by_tag_id} asks {@code basic/filenames} three times with each
 * {@code fileNameFormat} and zips the answers by line.
 */
class TagExportContractTest extends S3TestBase {

    private static final String TEXT = "text/plain, application/json";
    private static final String JSON = "application/json";
    private static final byte[] IMAGE = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 7, 8, 9};

    private static String export(String ds, String tagId, String route, String query) {
        return "/v1/datasets/" + ds + "/tags/" + tagId + "/export/" + route + query;
    }

    /** A tag of {@code indices} over a dataset of {@code n} samples {@code img_000.jpg...}. */
    private String tagOf(String ds, int... indices) {
        Response r =
                alice.post(
                        "/v1/datasets/" + ds + "/tags",
                        Fixtures.body(
                                "name",
                                "picked",
                                "bitMaskData",
                                BitMask.of(indices).toString(),
                                "creator",
                                "USER_PIP"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asText();
    }

    private static Response ok(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    /** Lightly's {@code Paginated}: pages until an empty one or one shorter than the page size. */
    private List<String> paginate(String ds, String tagId, String route, String options, int size) {
        List<String> pages = new ArrayList<>();
        for (int offset = 0; ; offset += size) {
            String query = "?" + options + "pageSize=" + size + "&pageOffset=" + offset;
            String accept = route.equals("basic/filenames") ? TEXT : JSON;
            String body = ok(ClientGet.get(alice, export(ds, tagId, route, query), accept)).body();
            int length = route.equals("basic/filenames") ? body.length() : json(body).size();
            if (length == 0) {
                return pages;
            }
            pages.add(body);
            if (length < size) {
                return pages;
            }
        }
    }

    private static JsonNode json(String body) {
        return new Response(200, null, body).json();
    }

    @Test
    void exportFilenames_pagesJoinedByTheClient_giveTheTagsFileNamesInOrder() {
        String ds = newDataset();
        Fixtures.samples(alice, ds, 9);
        String tag = tagOf(ds, 0, 2, 3, 5, 8);

        Response page = ClientGet.get(alice, export(ds, tag, "basic/filenames", ""), TEXT);
        assertThat(ok(page).body())
                .isEqualTo("img_000.jpg\nimg_002.jpg\nimg_003.jpg\nimg_005.jpg\nimg_008.jpg");
        assertThat(page.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/plain");

        List<String> pages = new ArrayList<>();
        for (int offset = 0; offset <= 6; offset += 2) {
            pages.add(
                    ok(ClientGet.get(
                                    alice,
                                    export(
                                            ds,
                                            tag,
                                            "basic/filenames",
                                            "?pageSize=2&pageOffset=" + offset),
                                    TEXT))
                            .body());
        }
        assertThat(pages)
                .containsExactly(
                        "img_000.jpg\nimg_002.jpg", "img_003.jpg\nimg_005.jpg", "img_008.jpg", "");
        assertThat(String.join("\n", paginate(ds, tag, "basic/filenames", "", 5000)))
                .isEqualTo(page.body());

        Response asJson =
                ClientGet.get(
                        alice,
                        export(ds, tag, "basic/filenames", "?format=JSON&pageSize=3&pageOffset=3"),
                        TEXT);
        assertThat(ok(asJson).json().toString()).isEqualTo("[\"img_005.jpg\",\"img_008.jpg\"]");
        Response preview =
                ClientGet.get(
                        alice,
                        export(ds, tag, "basic/filenames", "?previewExample=True&pageOffset=1"),
                        TEXT);
        assertThat(ok(preview).body()).isEqualTo("img_002.jpg");
    }

    @Test
    void aTagOfThousandsOfSamples_streamsEveryPage() {
        String ds = newDataset();
        Fixtures.samples(alice, ds, 2500);
        int[] odd = new int[1250];
        for (int i = 0; i < odd.length; i++) {
            odd[i] = 2 * i + 1;
        }
        String tag = tagOf(ds, odd);

        List<String> pages = paginate(ds, tag, "basic/filenames", "fileNameFormat=NAME&", 500);
        assertThat(pages).hasSize(3);
        String[] names = String.join("\n", pages).split("\n");
        assertThat(names).hasSize(1250);
        assertThat(names[0]).isEqualTo("img_001.jpg");
        assertThat(names[1249]).isEqualTo("img_2499.jpg");
        List<String> tasks = paginate(ds, tag, "LabelStudio/tasks", "", 1000);
        assertThat(json(tasks.get(1)).get(249).get("id").asLong()).isEqualTo(1249);
        assertThat(json(tasks.get(1)).get(249).get("data").get("lightlyFileName").asText())
                .isEqualTo("img_2499.jpg");
    }

    @Test
    void filenamesAndReadUrls_readUrlsOpenWithoutAToken_andThePagesZip() {
        ImageDataset data = ImageDataset.upload(alice, "exported images", 5);
        String tag = data.initialTagId;

        JsonNode rows =
                ok(ClientGet.get(
                                alice,
                                export(
                                        data.id,
                                        tag,
                                        "basic/filenamesAndReadUrls",
                                        "?pageSize=3&pageOffset=3"),
                                JSON))
                        .json();
        assertThat(rows).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode row = rows.get(i);
            assertThat(fieldNames(row)).containsExactly("fileName", "readUrl");
            assertThat(row.get("fileName").asText()).isEqualTo(data.fileNames.get(3 + i));
            String url = row.get("readUrl").asText();
            assertThat(url).doesNotContain(alice.token());
            assertThat(Api.getBytes(url)).isEqualTo(fullImage(data.id, data.sampleIds.get(3 + i)));
        }

        // export_filenames_and_read_urls_by_tag_id (1.4): three calls, zipped by line
        String names =
                String.join(
                        "\n",
                        paginate(data.id, tag, "basic/filenames", "fileNameFormat=NAME&", 5000));
        String urls =
                String.join(
                        "\n",
                        paginate(
                                data.id,
                                tag,
                                "basic/filenames",
                                "fileNameFormat=REDIRECTED_READ_URL&",
                                5000));
        String full =
                String.join(
                        "\n",
                        paginate(
                                data.id,
                                tag,
                                "basic/filenames",
                                "fileNameFormat=DATASOURCE_FULL&",
                                5000));
        assertThat(names.split("\n")).containsExactlyElementsOf(data.fileNames);
        assertThat(full.split("\n")).containsExactlyElementsOf(data.fileNames);
        String[] urlLines = urls.split("\n");
        assertThat(urlLines).hasSize(5);
        assertThat(Api.getBytes(urlLines[4])).isEqualTo(fullImage(data.id, data.sampleIds.get(4)));
        assertThat(expiresAt(urlLines[0]) - Instant.now().getEpochSecond()).isBetween(3000L, 3700L);

        String shortLived =
                ok(ClientGet.get(
                                alice,
                                export(
                                        data.id,
                                        tag,
                                        "basic/filenames",
                                        "?expiresIn=120&fileNameFormat=REDIRECTED_READ_URL"
                                                + "&previewExample=True"),
                                TEXT))
                        .body();
        assertThat(expiresAt(shortLived) - Instant.now().getEpochSecond()).isBetween(100L, 121L);
        assertThat(Api.getBytes(shortLived)).isEqualTo(fullImage(data.id, data.sampleIds.get(0)));
    }

    @Test
    void aTagOnALocalDatasource_readUrlsOpen_andDatasourceFullIsTheFolderPath() throws Exception {
        Path folder = dataDir.resolve("local/exports/cats");
        Files.createDirectories(folder);
        Files.write(folder.resolve("a.jpg"), IMAGE);
        Files.write(folder.resolve("b.jpg"), new byte[] {1, 2});
        String ds = newDataset();
        setDatasource(alice, ds, Fixtures.body("type", "LOCAL", "fullPath", "exports"));
        Response batch =
                alice.post(
                        "/v1/datasets/" + ds + "/samples/batch",
                        Fixtures.body(
                                "samples",
                                List.of(
                                        Fixtures.sample("cats/a.jpg"),
                                        Fixtures.sample("cats/b.jpg")),
                                "mode",
                                "none"));
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        String tag = tagOf(ds, 1);

        assertThat(
                        ok(ClientGet.get(
                                        alice,
                                        export(
                                                ds,
                                                tag,
                                                "basic/filenames",
                                                "?fileNameFormat=DATASOURCE_FULL"),
                                        TEXT))
                                .body())
                .isEqualTo("exports/cats/b.jpg");
        JsonNode rows =
                ok(ClientGet.get(
                                alice, export(ds, tag, "LabelBox/datarows", "?expiresIn=60"), JSON))
                        .json();
        String url = rows.get(0).get("imageUrl").asText();
        assertThat(url).doesNotContain(alice.token());
        assertThat(expiresAt(url) - Instant.now().getEpochSecond()).isBetween(40L, 61L);
        assertThat(Api.getBytes(url)).isEqualTo(new byte[] {1, 2});
    }

    /** The {@code expires} of a URL signed by the server. */
    private static long expiresAt(String url) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith("expires=")) {
                return Long.parseLong(pair.substring("expires=".length()));
            }
        }
        throw new AssertionError("no expires in " + url);
    }

    @Test
    void labelStudioTasks_carryTheSampleAsSampleData_whenAskedFor() {
        ImageDataset data = ImageDataset.upload(alice, "label studio", 3);
        String query =
                "?expiresIn=3600&fileNameFormat=REDIRECTED_READ_URL&includeMetaData=True"
                        + "&previewExample=False&pageSize=20000&pageOffset=0";
        JsonNode tasks =
                ok(ClientGet.get(
                                alice,
                                export(data.id, data.initialTagId, "LabelStudio/tasks", query),
                                JSON))
                        .json();
        assertThat(tasks).hasSize(3);
        JsonNode task = tasks.get(2);
        assertThat(fieldNames(task)).containsExactly("data", "id");
        assertThat(task.get("id").asInt()).isEqualTo(2);
        JsonNode taskData = task.get("data");
        assertThat(fieldNames(taskData))
                .containsExactly("image", "lightlyFileName", "lightlyMetaInfo");
        assertThat(taskData.get("lightlyFileName").asText()).isEqualTo("pic_02.jpg");
        assertThat(Api.getBytes(taskData.get("image").asText()))
                .isEqualTo(fullImage(data.id, data.sampleIds.get(2)));
        JsonNode info = taskData.get("lightlyMetaInfo");
        JsonNode sample =
                ok(alice.get("/v1/datasets/" + data.id + "/samples/" + data.sampleIds.get(2)))
                        .json();
        assertThat(info).isEqualTo(sample);
        assertThat(info.get("customMetaData").get("weather").get("temp").asInt()).isEqualTo(2);

        JsonNode plain =
                ok(ClientGet.get(
                                alice,
                                export(
                                        data.id,
                                        data.initialTagId,
                                        "LabelStudio/tasks",
                                        "?pageSize=20000&pageOffset=0"),
                                JSON))
                        .json();
        assertThat(fieldNames(plain.get(0).get("data")))
                .containsExactly("image", "lightlyFileName");
    }

    @Test
    void labelboxAndSama_haveTheirModelsFieldsAndNoOthers() {
        ImageDataset data = ImageDataset.upload(alice, "labelbox", 2);
        String tag = data.initialTagId;
        JsonNode v3 =
                ok(ClientGet.get(alice, export(data.id, tag, "LabelBox/datarows", ""), JSON))
                        .json();
        assertThat(fieldNames(v3.get(1))).containsExactly("externalId", "imageUrl");
        assertThat(v3.get(1).get("externalId").asText()).isEqualTo("pic_01.jpg");
        assertThat(Api.getBytes(v3.get(1).get("imageUrl").asText()))
                .isEqualTo(fullImage(data.id, data.sampleIds.get(1)));

        JsonNode v4 =
                ok(ClientGet.get(
                                alice,
                                export(
                                        data.id,
                                        tag,
                                        "LabelBoxV4/datarows",
                                        "?pageSize=20000&pageOffset=0"),
                                JSON))
                        .json();
        assertThat(fieldNames(v4.get(0))).containsExactly("global_key", "media_type", "row_data");
        assertThat(v4.get(0).get("global_key").asText()).isEqualTo("pic_00.jpg");
        assertThat(v4.get(0).get("media_type").asText()).isEqualTo("IMAGE");
        assertThat(Api.getBytes(v4.get(0).get("row_data").asText()))
                .isEqualTo(fullImage(data.id, data.sampleIds.get(0)));

        JsonNode sama =
                ok(ClientGet.get(
                                alice,
                                export(data.id, tag, "Sama/tasks", "?includeMetaData=true"),
                                JSON))
                        .json();
        assertThat(fieldNames(sama.get(1))).containsExactly("data");
        JsonNode samaData = sama.get(1).get("data");
        assertThat(fieldNames(samaData))
                .containsExactly("id", "image", "lightlyFileName", "lightlyMetaInfo", "url");
        assertThat(samaData.get("id").asInt()).isEqualTo(1);
        assertThat(json(samaData.get("lightlyMetaInfo").asText()).get("id").asText())
                .isEqualTo(data.sampleIds.get(1));
    }

    @Test
    void aTagOnAnS3Datasource_readUrlsArePresignedIntoTheBucket_andOpen() {
        String bucket = newBucket();
        s3.put(bucket, "p/cats/a.jpg", IMAGE);
        s3.put(bucket, "p/cats/b.jpg", new byte[] {1, 2, 3});
        s3.put(bucket, "p/dogs/c.jpg", new byte[] {4, 5, 6});
        String ds = newDataset();
        setDatasource(alice, ds, s3Config("s3://" + bucket + "/p/"));
        Response batch =
                alice.post(
                        "/v1/datasets/" + ds + "/samples/batch",
                        Fixtures.body(
                                "samples",
                                List.of(
                                        Fixtures.sample("cats/a.jpg"),
                                        Fixtures.sample("cats/b.jpg"),
                                        Fixtures.sample("dogs/c.jpg")),
                                "mode",
                                "none"));
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        String tag = tagOf(ds, 0, 2);

        String full =
                ok(ClientGet.get(
                                alice,
                                export(
                                        ds,
                                        tag,
                                        "basic/filenames",
                                        "?fileNameFormat=DATASOURCE_FULL"),
                                TEXT))
                        .body();
        assertThat(full)
                .isEqualTo("s3://" + bucket + "/p/cats/a.jpg\ns3://" + bucket + "/p/dogs/c.jpg");
        String[] urls =
                ok(ClientGet.get(
                                alice,
                                export(
                                        ds,
                                        tag,
                                        "basic/filenames",
                                        "?fileNameFormat=REDIRECTED_READ_URL"),
                                TEXT))
                        .body()
                        .split("\n");
        assertThat(urls).hasSize(2);
        assertThat(URI.create(urls[1]).getPath()).isEqualTo("/" + bucket + "/p/dogs/c.jpg");
        assertThat(urls[1]).startsWith(s3.endpoint()).doesNotContain(S3Server.SECRET_KEY);
        assertThat(Api.getBytes(urls[0])).isEqualTo(IMAGE);
        assertThat(urls[0]).contains("X-Amz-Expires=3600");
        String shortLived =
                ok(ClientGet.get(
                                alice,
                                export(
                                        ds,
                                        tag,
                                        "basic/filenames",
                                        "?fileNameFormat=REDIRECTED_READ_URL&expiresIn=90"),
                                TEXT))
                        .body()
                        .split("\n")[0];
        assertThat(shortLived).contains("X-Amz-Expires=90");
        assertThat(Api.getBytes(shortLived)).isEqualTo(IMAGE);
        assertThat(Api.getBytes(urls[1])).isEqualTo(new byte[] {4, 5, 6});

        JsonNode rows =
                ok(ClientGet.get(alice, export(ds, tag, "basic/filenamesAndReadUrls", ""), JSON))
                        .json();
        assertThat(Api.getBytes(rows.get(0).get("readUrl").asText())).isEqualTo(IMAGE);
        JsonNode tasks =
                ok(ClientGet.get(alice, export(ds, tag, "LabelStudio/tasks", ""), JSON)).json();
        assertThat(Api.getBytes(tasks.get(1).get("data").get("image").asText()))
                .isEqualTo(new byte[] {4, 5, 6});
    }

    @Test
    void badRequests_areRefusedInLightlysShape_namingTheParameter() {
        String ds = newDataset();
        Fixtures.samples(alice, ds, 3);
        String tag = tagOf(ds, 1);
        String[][] cases = {
            {"?fileNameFormat=URL", "fileNameFormat"},
            {"?format=XML", "format"},
            {"?pageSize=0", "pageSize"},
            {"?pageSize=ten", "pageSize"},
            {"?pageOffset=-1", "pageOffset"},
            {"?expiresIn=0", "expiresIn"},
            {"?expiresIn=604801", "expiresIn"},
            {"?expiresIn=1.5", "expiresIn"},
            {"?includeMetaData=maybe", "includeMetaData"},
            {"?previewExample=2", "previewExample"},
        };
        for (String route : List.of("basic/filenames", "LabelStudio/tasks")) {
            for (String[] c : cases) {
                Response r = ClientGet.get(alice, export(ds, tag, route, c[0]), JSON);
                assertThat(r.status()).as(route + c[0]).isEqualTo(400);
                assertThat(r.code()).isEqualTo("BAD_REQUEST");
                assertThat(r.message()).as(route + c[0]).contains(c[1]);
            }
        }
        Response unknownTag =
                ClientGet.get(
                        alice, export(ds, "0123456789abcdef01234567", "basic/filenames", ""), TEXT);
        assertThat(unknownTag.status()).isEqualTo(404);
        assertThat(unknownTag.message()).contains("0123456789abcdef01234567");
        Response malformedTag =
                ClientGet.get(alice, export(ds, "nope", "LabelBox/datarows", ""), JSON);
        assertThat(malformedTag.status()).isEqualTo(400);
        assertThat(malformedTag.message()).contains("tagId");

        Response otherUser = ClientGet.get(bob, export(ds, tag, "basic/filenames", ""), TEXT);
        Response otherUsersDataset = bob.get("/v1/datasets/" + ds + "/tags/" + tag);
        assertThat(otherUser.status()).isEqualTo(otherUsersDataset.status()).isIn(403, 404);
        assertThat(otherUser.body()).doesNotContain("img_001.jpg");
        Response noToken = anonymous.get(export(ds, tag, "basic/filenames", ""));
        assertThat(noToken.status()).isEqualTo(401);
    }

    private byte[] fullImage(String ds, String sampleId) {
        String url =
                ok(alice.get("/v1/datasets/" + ds + "/samples/" + sampleId + "/readurl?type=full"))
                        .string();
        return Api.getBytes(url);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
