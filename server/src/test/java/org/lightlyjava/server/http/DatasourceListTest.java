package org.lightlyjava.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.model.DatasourceRawSamplesData;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.S3TestBase;

/** {@code GET .../datasource/list}: pages, cursors, from/to, read URLs. */
class DatasourceListTest extends S3TestBase {

    private String bucket;
    private String ds;

    @BeforeAll
    void fillBucket() {
        bucket = newBucket();
        for (int i = 0; i < 2500; i++) {
            s3.put(bucket, String.format("p/img_%04d.jpg", i), bytes(i));
        }
        for (int i = 0; i < 30; i++) {
            s3.put(bucket, String.format("p/.lightly/thumbnails/img_%04d_thumb.jpg", i), bytes(i));
        }
        s3.put(bucket, "p/folder/", new byte[0]);
        s3.put(bucket, "other/outside.jpg", bytes(1));
        ds = newDataset();
        setDatasource(alice, ds, s3Config("s3://" + bucket + "/p/"));
    }

    private static byte[] bytes(int i) {
        return ("image " + i).getBytes();
    }

    private DatasourceRawSamplesData list(String datasetId, String query) {
        Response r = alice.get("/v1/datasets/" + datasetId + "/datasource/list" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.as(DatasourceRawSamplesData.class);
    }

    @Test
    void pages_of1000_withACursor_namesRelative_withoutLightlyFolder() {
        List<String> names = new ArrayList<>();
        DatasourceRawSamplesData page = list(ds, "");
        int pages = 1;
        names.addAll(page.data().stream().map(DatasourceRawSamplesData.Item::fileName).toList());
        assertThat(page.data()).hasSize(1000);
        while (page.hasMore()) {
            page = list(ds, "?cursor=" + Api.encode(page.cursor()));
            names.addAll(
                    page.data().stream().map(DatasourceRawSamplesData.Item::fileName).toList());
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(names).hasSize(2500).doesNotHaveDuplicates();
        assertThat(names.get(0)).isEqualTo("img_0000.jpg");
        assertThat(names.get(2499)).isEqualTo("img_2499.jpg");
        assertThat(names).noneMatch(n -> n.startsWith(".lightly") || n.endsWith("/"));
    }

    @Test
    void readUrls_arePresignedAndReturnTheBytes() {
        DatasourceRawSamplesData page = list(ds, "");
        DatasourceRawSamplesData.Item item = page.data().get(7);
        assertThat(item.readUrl()).startsWith(s3.endpoint() + "/" + bucket + "/p/img_0007.jpg?");
        assertThat(item.readUrl()).contains("X-Amz-Signature=").doesNotContain(alice.token());
        assertThat(Api.getBytes(item.readUrl())).isEqualTo(bytes(7));
    }

    @Test
    void redirectedReadUrls_leadThroughTheServerToTheBytes() {
        DatasourceRawSamplesData page = list(ds, "?useRedirectedReadUrl=true");
        String url = page.data().get(3).readUrl();
        assertThat(url)
                .startsWith(alice.base() + "/v1/blobs/redirect/")
                .doesNotContain(alice.token());
        Response redirect = Api.getUrl(url);
        assertThat(redirect.status()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(URI.create(location).getPath()).isEqualTo("/" + bucket + "/p/img_0003.jpg");
        assertThat(Api.getBytes(location)).isEqualTo(bytes(3));
        Response tampered = Api.getUrl(url.replace("signature=", "signature=x"));
        assertThat(tampered.status()).isEqualTo(403);
    }

    @Test
    void readurlRedirect_route_answers302() {
        Response r =
                alice.get("/v1/datasets/" + ds + "/datasource/readurlRedirect?path=img_0042.jpg");
        assertThat(r.status()).isEqualTo(302);
        assertThat(Api.getBytes(r.headers().firstValue("Location").orElseThrow()))
                .isEqualTo(bytes(42));
        Response escape =
                alice.get(
                        "/v1/datasets/"
                                + ds
                                + "/datasource/readurlRedirect?path=../other/outside.jpg");
        assertThat(escape.status()).isEqualTo(400);
    }

    @Test
    void fromAndTo_filterOnLastModified_andTheCursorKeepsThem() throws Exception {
        String b = newBucket();
        for (int i = 0; i < 3; i++) {
            s3.put(b, "old_" + i + ".jpg", bytes(i));
        }
        long old = Instant.now().getEpochSecond();
        while (Instant.now().getEpochSecond() == old) {
            Thread.sleep(20);
        }
        long recent = Instant.now().getEpochSecond();
        for (int i = 0; i < 3; i++) {
            s3.put(b, "new_" + i + ".jpg", bytes(i));
        }
        String set = newDataset();
        setDatasource(alice, set, s3Config("s3://" + b + "/"));

        assertThat(names(list(set, "?from=" + recent)))
                .containsExactly("new_0.jpg", "new_1.jpg", "new_2.jpg");
        assertThat(names(list(set, "?to=" + old)))
                .containsExactly("old_0.jpg", "old_1.jpg", "old_2.jpg");
        assertThat(names(list(set, "?from=" + old + "&to=" + recent))).hasSize(6);
        assertThat(names(list(set, "?from=" + (recent + 1)))).isEmpty();
        Response backwards = alice.get("/v1/datasets/" + set + "/datasource/list?from=5&to=4");
        assertThat(backwards.status()).isEqualTo(400);
    }

    @Test
    void aCursor_remembersFromAndTo() throws Exception {
        DatasourceRawSamplesData first = list(ds, "?from=0&to=1");
        assertThat(first.data()).isEmpty();
        if (first.hasMore()) {
            DatasourceRawSamplesData next = list(ds, "?cursor=" + Api.encode(first.cursor()));
            assertThat(next.data()).as("to=1 travels in the cursor").isEmpty();
        }
    }

    @Test
    void aForeignCursor_is400() {
        Response r = alice.get("/v1/datasets/" + ds + "/datasource/list?cursor=bm90LWEtY3Vyc29y");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains("cursor");
    }

    @Test
    void withoutADatasource_is404() {
        Response r = alice.get("/v1/datasets/" + newDataset() + "/datasource/list");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("DATASET_DATASOURCE_UNKNOWN");
    }

    private static List<String> names(DatasourceRawSamplesData page) {
        return page.data().stream().map(DatasourceRawSamplesData.Item::fileName).toList();
    }
}
