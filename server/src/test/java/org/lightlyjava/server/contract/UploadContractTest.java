package org.lightlyjava.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.BitMask;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.ServerTestBase;

/**
 * Lightly's client 1.2.47 from version check to download, request by request: {@code
 * ApiWorkflowClient(...)}, {@code create_dataset}, {@code get_datasets}, {@code upload_dataset}
 * (thumbnails and full), custom metadata, tags ({@code create_tag_from_filenames}, {@code
 * get_filenames_in_tag} with {@code exclude_parent_tag}, upsize) and {@code download_dataset}.
 */
class UploadContractTest extends ServerTestBase {

    private static final String VERSION = "\\d+\\.\\d+\\.\\d+";

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** Metadata as lightly_utils computes it (is_corrupted included). */
    private static Map<String, Object> metaData(int size) {
        return map(
                "shape", List.of(32, 32, 3),
                "sizeInBytes", size,
                "mean", List.of(0.5, 0.4, 0.3),
                "std", List.of(0.1, 0.1, 0.1),
                "sumOfSquares", List.of(1.0, 2.0, 3.0),
                "sumOfValues", List.of(4.0, 5.0, 6.0),
                "snr", 3.2,
                "sharpness", 12.5,
                "is_corrupted", false);
    }

    private static void assertFields(JsonNode node, String... fields) {
        for (String field : fields) {
            assertThat(node.hasNonNull(field)).as(field + " in " + node).isTrue();
        }
    }

    @Test
    void versionChecks_withoutAToken() {
        PythonClient py = new PythonClient(anonymous);
        JsonNode latest =
                py.callWithoutToken("GET", "/v1/versions/pip/latest?currentVersion=1.2.47")
                        .expect(200)
                        .json();
        assertThat(latest.asText()).matches(VERSION);
        JsonNode minimum =
                py.callWithoutToken("GET", "/v1/versions/pip/minimum").expect(200).json();
        assertThat(minimum.asText()).matches(VERSION);
    }

    @Test
    void createDataset_thenGetDatasets_pagesUntilEmpty() {
        PythonClient py = new PythonClient(alice);
        String name = "contract-create";
        String query = "/v1/datasets/query/name/" + name + "?shared=False&exact=True";
        assertThat(py.call("GET", query).expect(200).json()).isEmpty();
        JsonNode created =
                py.call(
                                "POST",
                                "/v1/datasets",
                                map(
                                        "name",
                                        name,
                                        "type",
                                        "Images",
                                        "creator",
                                        "USER_PIP_LIGHTLY_MAGIC"))
                        .expect(200)
                        .json();
        String id = created.get("id").asText();
        assertThat(py.call("GET", query).expect(200).json()).hasSize(1);

        JsonNode dataset = py.call("GET", "/v1/datasets/" + id).expect(200).json();
        assertFields(
                dataset,
                "id",
                "name",
                "userId",
                "type",
                "nSamples",
                "sizeInBytes",
                "createdAt",
                "lastModifiedAt");
        JsonNode page0 =
                py.call("GET", "/v1/datasets?shared=False&pageSize=5000&pageOffset=0")
                        .expect(200)
                        .json();
        assertThat(page0.findValuesAsText("id")).contains(id);
        assertThat(
                        py.call("GET", "/v1/datasets?shared=False&pageSize=5000&pageOffset=5000")
                                .expect(200)
                                .json())
                .isEmpty();
        assertThat(
                        py.call("GET", "/v1/datasets?shared=True&pageSize=5000&pageOffset=0")
                                .expect(200)
                                .json()
                                .isArray())
                .isTrue();
    }

    /** {@code _upload_single_image}: the sample, then its blobs through signed URLs. */
    private String uploadImage(
            PythonClient py, String ds, String fileName, byte[] image, String mode) {
        String thumbName = fileName.substring(0, fileName.lastIndexOf('.')) + "_thumb.webp";
        Map<String, Object> body =
                map(
                        "fileName",
                        fileName,
                        "thumbName",
                        thumbName,
                        "exif",
                        map("Make", "Camera"),
                        "metaData",
                        metaData(image.length));
        String id =
                py.call("POST", "/v1/datasets/" + ds + "/samples", body)
                        .expect(200)
                        .json()
                        .get("id")
                        .asText();
        String sample = "/v1/datasets/" + ds + "/samples/" + id;
        byte[] thumb = ("thumb of " + fileName).getBytes(StandardCharsets.UTF_8);
        if (mode.equals("thumbnails")) {
            String url =
                    py.call("GET", sample + "/writeurl?isThumbnail=True")
                            .expect(200)
                            .json()
                            .asText();
            PythonClient.requestsPut(url, thumb).expect(200);
        } else {
            JsonNode urls = py.call("GET", sample + "/writeurls").expect(200).json();
            assertFields(urls, "full", "thumb");
            PythonClient.requestsPut(urls.get("thumb").asText(), thumb).expect(200);
            PythonClient.requestsPut(urls.get("full").asText(), image).expect(200);
        }
        return id;
    }

    /** {@code upload_dataset} up to the initial tag (or the upsize); returns the sample ids. */
    private void uploadDataset(
            PythonClient py, String ds, Map<String, byte[]> images, String mode) {
        JsonNode tags = py.call("GET", "/v1/datasets/" + ds + "/tags").expect(200).json();
        JsonNode onServer =
                py.call("GET", "/v1/datasets/" + ds + "/samples/partial?mode=fileNames")
                        .expect(200)
                        .json();
        int quota = Integer.parseInt(py.call("GET", "/v1/quota").expect(200).json().asText());
        assertThat(quota).isGreaterThanOrEqualTo(images.size());
        assertThat(py.call("GET", "/v1/datasets/" + ds + "/datasource").status())
                .as("no datasource: the client falls back to LIGHTLY")
                .isEqualTo(404);
        py.call(
                        "PUT",
                        "/v1/datasets/" + ds + "/registerDatasetUpload",
                        map(
                                "total",
                                images.size() + onServer.size(),
                                "processed",
                                onServer.size(),
                                "uploadMethod",
                                "USER_PIP",
                                "isRegistered",
                                true))
                .expect(200);
        images.forEach((name, bytes) -> uploadImage(py, ds, name, bytes, mode));
        String imgType = mode.equals("full") ? "full" : "thumbnail";
        if (tags.isEmpty()) {
            py.call(
                            "POST",
                            "/v1/datasets/" + ds + "/tags/initial",
                            map("imgType", imgType, "creator", "USER_PIP"))
                    .expect(200);
        } else {
            py.call(
                            "POST",
                            "/v1/datasets/" + ds + "/tags/upsize",
                            map(
                                    "upsizeTagName",
                                    "20261202_10h00m00s",
                                    "upsizeTagCreator",
                                    "USER_PIP"))
                    .expect(200);
        }
    }

    private static Map<String, byte[]> images(String... names) {
        Map<String, byte[]> images = new LinkedHashMap<>();
        for (String name : names) {
            images.put(name, ("image bytes of " + name).getBytes(StandardCharsets.UTF_8));
        }
        return images;
    }

    @Test
    void uploadThumbnails_thenAppend_upsizesTheTags() {
        PythonClient py = new PythonClient(alice);
        String ds = newDataset();
        uploadDataset(py, ds, images("a.jpg", "b.jpg"), "thumbnails");
        JsonNode tags = py.call("GET", "/v1/datasets/" + ds + "/tags").expect(200).json();
        assertThat(tags).hasSize(1);
        assertFields(tags.get(0), "id", "datasetId", "name", "bitMaskData", "totSize", "createdAt");
        assertThat(tags.get(0).get("bitMaskData").asText()).isEqualTo("0x3");

        uploadDataset(py, ds, images("c.jpg"), "thumbnails");
        JsonNode after = py.call("GET", "/v1/datasets/" + ds + "/tags").expect(200).json();
        assertThat(after.findValuesAsText("name")).contains("initial-tag", "20261202_10h00m00s");
        for (JsonNode tag : after) {
            assertThat(tag.get("totSize").asInt()).isEqualTo(3);
        }
        JsonNode sample =
                py.call("GET", "/v1/datasets/" + ds + "/samples?pageSize=10&pageOffset=0")
                        .expect(200)
                        .json()
                        .get(0);
        assertFields(sample, "id", "type", "fileName");
    }

    @Test
    void customMetadata_tags_andDownload() {
        PythonClient py = new PythonClient(alice);
        String ds = newDataset();
        Map<String, byte[]> images = images("a.jpg", "b.jpg", "c.jpg", "d.jpg");
        uploadDataset(py, ds, images, "full");

        // upload_custom_metadata: the file names, then one PUT per sample
        JsonNode partial =
                py.call("GET", "/v1/datasets/" + ds + "/samples/partial?mode=fileNames")
                        .expect(200)
                        .json();
        assertThat(partial).hasSize(4);
        assertFields(partial.get(0), "id", "fileName");
        String firstId = partial.get(0).get("id").asText();
        py.call(
                        "PUT",
                        "/v1/datasets/" + ds + "/samples/" + firstId,
                        map("customMetaData", map("image_id", 0, "weather", map("temp", 20.3))))
                .expect(200);
        JsonNode sample =
                py.call("GET", "/v1/datasets/" + ds + "/samples/" + firstId).expect(200).json();
        assertThat(sample.at("/customMetaData/weather/temp").asDouble()).isEqualTo(20.3);

        // create_tag_from_filenames(["b.jpg", "d.jpg"], "picked")
        JsonNode tags = py.call("GET", "/v1/datasets/" + ds + "/tags").expect(200).json();
        String initial = tags.get(0).get("id").asText();
        JsonNode names =
                py.call("GET", "/v1/datasets/" + ds + "/mappings?field=fileName")
                        .expect(200)
                        .json();
        List<String> order =
                List.of(
                        names.get(0).asText(),
                        names.get(1).asText(),
                        names.get(2).asText(),
                        names.get(3).asText());
        assertThat(order).containsExactly("a.jpg", "b.jpg", "c.jpg", "d.jpg");
        JsonNode picked =
                py.call(
                                "POST",
                                "/v1/datasets/" + ds + "/tags",
                                map(
                                        "name",
                                        "picked",
                                        "prevTagId",
                                        initial,
                                        "bitMaskData",
                                        BitMask.of(1, 3).toString(),
                                        "totSize",
                                        4,
                                        "creator",
                                        "USER_PIP"))
                        .expect(200)
                        .json();
        String pickedId = picked.get("id").asText();

        // get_filenames_in_tag(tag, exclude_parent_tag=True)
        JsonNode tag =
                py.call("GET", "/v1/datasets/" + ds + "/tags/" + pickedId).expect(200).json();
        assertThat(tag.get("prevTagId").asText()).isEqualTo(initial);
        JsonNode difference =
                py.call(
                                "POST",
                                "/v1/datasets/" + ds + "/tags/arithmetics/bitmask",
                                map(
                                        "tagId1",
                                        pickedId,
                                        "tagId2",
                                        initial,
                                        "operation",
                                        "DIFFERENCE"))
                        .expect(200)
                        .json();
        assertThat(difference.get("bitMaskData").asText()).isEqualTo("0x0");
        JsonNode union =
                py.call(
                                "POST",
                                "/v1/datasets/" + ds + "/tags/arithmetics",
                                map("tagId1", pickedId, "tagId2", initial, "operation", "UNION"))
                        .expect(200)
                        .json();
        assertThat(union.get("bitMaskData").asText()).isEqualTo("0xf");
        JsonNode inTag =
                py.call("GET", "/v1/datasets/" + ds + "/tags/" + pickedId + "/filenames")
                        .expect(200)
                        .json();
        assertThat(List.of(inTag.get(0).asText(), inTag.get(1).asText()))
                .containsExactly("b.jpg", "d.jpg");

        // download_dataset(output_dir, tag_name="picked")
        assertThat(py.call("GET", "/v1/datasets/" + ds).expect(200).json().get("imgType").asText())
                .isEqualTo("full");
        JsonNode ids =
                py.call("GET", "/v1/datasets/" + ds + "/mappings?field=_id").expect(200).json();
        for (int index : BitMask.parse(tag.get("bitMaskData").asText()).indices()) {
            String url =
                    py.call(
                                    "GET",
                                    "/v1/datasets/"
                                            + ds
                                            + "/samples/"
                                            + ids.get(index).asText()
                                            + "/readurl?type=full")
                            .expect(200)
                            .json()
                            .asText();
            assertThat(PythonClient.requestsGet(url).expect(200).body())
                    .isEqualTo(images.get(order.get(index)));
        }
        String thumb =
                py.call(
                                "GET",
                                "/v1/datasets/"
                                        + ds
                                        + "/samples/"
                                        + ids.get(1).asText()
                                        + "/readurl?type=thumbnail")
                        .expect(200)
                        .json()
                        .asText();
        assertThat(new String(Api.getBytes(thumb), StandardCharsets.UTF_8))
                .isEqualTo("thumb of b.jpg");
    }
}
