package org.lightlyjava.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.S3Server;
import org.lightlyjava.server.testing.S3TestBase;

/**
 * The datasource calls of Lightly's client 1.2.47 against an S3 bucket (S3Proxy): {@code
 * set_s3_config}, {@code get_datasource}, {@code list_datasource_permissions}, {@code
 * download_raw_samples}, {@code download_new_raw_samples} and the processed-until timestamp.
 */
class DatasourceContractTest extends S3TestBase {

    private String path(String ds, String rest) {
        return "/v1/datasets/" + ds + "/datasource" + rest;
    }

    /**
     * {@code set_s3_config(resource_path, region, access_key, secret_access_key)}; the endpoint of
     * the test's S3 server needs lightly-java's extension field, which Lightly's client cannot
     * send.
     */
    private String datasetWithBucket(int files) {
        String bucket = newBucket();
        for (int i = 0; i < files; i++) {
            s3.put(bucket, String.format("data/img_%04d.jpg", i), new byte[] {(byte) i});
        }
        String ds = newDataset();
        PythonClient py = new PythonClient(alice);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "S3");
        body.put("fullPath", "s3://" + bucket + "/data/");
        body.put("thumbSuffix", ".lightly/thumbnails/[filename]_thumb.[extension]");
        body.put("s3Region", "eu-central-1");
        body.put("s3AccessKeyId", S3Server.ACCESS_KEY);
        body.put("s3SecretAccessKey", S3Server.SECRET_KEY);
        body.put("purpose", "INPUT_OUTPUT");
        body.put("s3EndpointUrl", s3.endpoint());
        py.call("PUT", path(ds, ""), body).expect(200);
        return ds;
    }

    /** {@code _download_raw_files}: the first page with from/to, then pages by cursor. */
    private List<String> downloadRawSamples(PythonClient py, String ds, long from, long to) {
        String redirect = "&useRedirectedReadUrl=False";
        JsonNode page =
                py.call("GET", path(ds, "/list?from=" + from + "&to=" + to + redirect))
                        .expect(200)
                        .json();
        List<String> names = new ArrayList<>();
        collect(page, names);
        while (page.get("hasMore").asBoolean()) {
            String cursor = page.get("cursor").asText();
            page =
                    py.call("GET", path(ds, "/list?cursor=" + Api.encode(cursor) + redirect))
                            .expect(200)
                            .json();
            collect(page, names);
        }
        return names;
    }

    /** Checks a page as {@code DatasourceRawSamplesData} does (every field required). */
    private static void collect(JsonNode page, List<String> names) {
        assertThat(page.path("hasMore").isBoolean()).as("hasMore").isTrue();
        assertThat(page.path("cursor").isTextual()).as("cursor on every page").isTrue();
        assertThat(page.path("data").isArray()).as("data").isTrue();
        for (JsonNode row : page.get("data")) {
            assertThat(row.path("fileName").isTextual()).isTrue();
            assertThat(row.path("readUrl").isTextual()).isTrue();
            names.add(row.get("fileName").asText());
        }
    }

    @Test
    void downloadRawSamples_pagesToTheEnd_andTheLastPageHasACursor() {
        String ds = datasetWithBucket(1001);
        PythonClient py = new PythonClient(alice);
        long now = System.currentTimeMillis() / 1000 + 5;

        List<String> names = downloadRawSamples(py, ds, 0, now);

        assertThat(names).hasSize(1001).doesNotHaveDuplicates();
        assertThat(names.get(1000)).isEqualTo("img_1000.jpg");
    }

    @Test
    void aSinglePageListing_hasACursor_thatFindsFilesAddedLater() {
        String ds = datasetWithBucket(3);
        PythonClient py = new PythonClient(alice);
        JsonNode only =
                py.call("GET", path(ds, "/list?from=0&to=9999999999&useRedirectedReadUrl=False"))
                        .expect(200)
                        .json();
        assertThat(only.get("hasMore").asBoolean()).isFalse();
        assertThat(only.get("data")).hasSize(3);
        String cursor = only.get("cursor").asText();
        assertThat(cursor).isNotEmpty();

        String bucket = fullPathBucket(ds);
        s3.put(bucket, "data/img_9999.jpg", new byte[] {9});
        JsonNode later =
                py.call("GET", path(ds, "/list?cursor=" + Api.encode(cursor))).expect(200).json();
        assertThat(later.get("data")).hasSize(1);
        assertThat(later.get("data").get(0).get("fileName").asText()).isEqualTo("img_9999.jpg");
        assertThat(later.get("cursor").isTextual()).isTrue();
    }

    @Test
    void anEmptyListing_hasACursorToo() {
        String ds = datasetWithBucket(2);
        PythonClient py = new PythonClient(alice);
        JsonNode empty =
                py.call("GET", path(ds, "/list?from=0&to=1&useRedirectedReadUrl=False"))
                        .expect(200)
                        .json();
        assertThat(empty.get("data")).isEmpty();
        assertThat(empty.get("hasMore").asBoolean()).isFalse();
        assertThat(empty.get("cursor").isTextual()).isTrue();
        JsonNode again =
                py.call("GET", path(ds, "/list?cursor=" + Api.encode(empty.get("cursor").asText())))
                        .expect(200)
                        .json();
        assertThat(again.get("data")).as("to=1 travels in the cursor").isEmpty();
    }

    @Test
    void downloadNewRawSamples_readsAndAdvancesTheProcessedUntilTimestamp() {
        String ds = datasetWithBucket(4);
        PythonClient py = new PythonClient(alice);

        JsonNode stored = py.call("GET", path(ds, "/processedUntilTimestamp")).expect(200).json();
        assertThat(stored.path("processedUntilTimestamp").canConvertToLong()).isTrue();
        long from = stored.get("processedUntilTimestamp").asLong();
        long to = System.currentTimeMillis() / 1000 + 5;
        assertThat(downloadRawSamples(py, ds, from == 0 ? 0 : from + 1, to)).hasSize(4);
        py.call("PUT", path(ds, "/processedUntilTimestamp"), Map.of("processedUntilTimestamp", to))
                .expect(200);

        long again =
                py.call("GET", path(ds, "/processedUntilTimestamp"))
                        .expect(200)
                        .json()
                        .get("processedUntilTimestamp")
                        .asLong();
        assertThat(again).isEqualTo(to);
        assertThat(downloadRawSamples(py, ds, again + 1, to + 10)).isEmpty();
    }

    @Test
    void getDatasource_andPermissions_haveTheFieldsTheClientReads() {
        String ds = datasetWithBucket(1);
        PythonClient py = new PythonClient(alice);

        JsonNode config = py.call("GET", path(ds, "")).expect(200).json();
        assertThat(config.get("type").asText()).isEqualTo("S3");
        assertThat(config.get("purpose").asText()).isEqualTo("INPUT_OUTPUT");
        assertThat(config.get("fullPath").asText()).endsWith("/data/");
        assertThat(config.get("s3SecretAccessKey").asText()).isEqualTo("***");

        JsonNode lights = py.call("GET", path(ds, "/verify")).expect(200).json();
        for (String light : List.of("canRead", "canWrite", "canList", "canOverwrite")) {
            assertThat(lights.path(light).isBoolean()).as(light).isTrue();
            assertThat(lights.get(light).asBoolean()).as(light).isTrue();
        }
    }

    @Test
    void aLocalDatasource_listsWithACursorOnTheLastPage_thatFindsFilesAddedLater()
            throws java.io.IOException {
        java.nio.file.Path folder = dataDir.resolve("local").resolve("contract-local");
        java.nio.file.Files.createDirectories(folder);
        java.nio.file.Files.write(folder.resolve("a.jpg"), new byte[] {1});
        java.nio.file.Files.write(folder.resolve("b.jpg"), new byte[] {2});
        String ds = newDataset();
        PythonClient py = new PythonClient(alice);
        py.call(
                        "PUT",
                        path(ds, ""),
                        Map.of(
                                "type",
                                "LOCAL",
                                "fullPath",
                                "contract-local",
                                "purpose",
                                "INPUT_OUTPUT"))
                .expect(200);
        JsonNode page =
                py.call("GET", path(ds, "/list?from=0&to=9999999999&useRedirectedReadUrl=False"))
                        .expect(200)
                        .json();
        List<String> names = new ArrayList<>();
        collect(page, names);
        assertThat(names).containsExactly("a.jpg", "b.jpg");
        assertThat(page.get("hasMore").asBoolean()).isFalse();

        java.nio.file.Files.write(folder.resolve("c.jpg"), new byte[] {3});
        JsonNode later =
                py.call("GET", path(ds, "/list?cursor=" + Api.encode(page.get("cursor").asText())))
                        .expect(200)
                        .json();
        List<String> added = new ArrayList<>();
        collect(later, added);
        assertThat(added).containsExactly("c.jpg");
    }

    private String fullPathBucket(String ds) {
        String fullPath = alice.get(path(ds, "")).json().get("fullPath").asText();
        return fullPath.substring("s3://".length(), fullPath.indexOf('/', "s3://".length()));
    }
}
