package org.lightlyjava.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.client.RetryPolicy;
import org.lightlyjava.api.model.DatasourceConfigVerifyData;
import org.lightlyjava.api.model.SampleBatchRequest;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Azurite;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/**
 * AZURE datasources as Lightly's client sets and uses them ({@code set_azure_config}: the SAS token
 * in {@code accountKey}; {@code list_datasource_permissions}; {@code download_raw_samples}; the
 * per-sample write URL with Azure's headers), against Azurite. Azurite needs an endpoint, which
 * Lightly's client cannot send: these bodies add lightly-java's {@code azureEndpointUrl}.
 */
class AzureContractTest extends ServerTestBase {

    private static final AtomicInteger CONTAINERS = new AtomicInteger();
    private static final byte[] IMAGE = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 7, 8, 9};

    private Azurite azurite;

    @BeforeAll
    void startAzurite() {
        azurite = Azurite.start();
    }

    @AfterAll
    void stopAzurite() {
        if (azurite != null) {
            azurite.close();
        }
    }

    private String newContainer() {
        String name = "container-" + CONTAINERS.incrementAndGet();
        azurite.createContainer(name);
        return name;
    }

    /** The body {@code set_azure_config} PUTs, plus the emulator's endpoint. */
    private Map<String, Object> config(String fullPath, String accountKey) {
        return Fixtures.body(
                "type",
                "AZURE",
                "fullPath",
                fullPath,
                "thumbSuffix",
                ".lightly/thumbnails/[filename]_thumb.[extension]",
                "accountName",
                Azurite.ACCOUNT,
                "accountKey",
                accountKey,
                "purpose",
                "INPUT_OUTPUT",
                "azureEndpointUrl",
                azurite.endpoint());
    }

    private Response put(String ds, Map<String, Object> body) {
        return alice.put("/v1/datasets/" + ds + "/datasource", body);
    }

    private String datasetOn(Map<String, Object> body) {
        String ds = newDataset();
        Response r = put(ds, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return ds;
    }

    private DatasourceConfigVerifyData verify(String ds) {
        Response r = alice.get("/v1/datasets/" + ds + "/datasource/verify");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("sig=");
        return r.as(DatasourceConfigVerifyData.class);
    }

    @Test
    void setAzureConfig_withSasToken_isStored_andGetMasksTheToken() {
        String container = newContainer();
        String sas = azurite.containerSas(container, "racwdl");
        String ds = datasetOn(config(container + "/farm", sas));

        Response r = alice.get("/v1/datasets/" + ds + "/datasource?purpose=INPUT_OUTPUT");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("type").asText()).isEqualTo("AZURE");
        assertThat(r.json().get("fullPath").asText()).isEqualTo(container + "/farm/");
        assertThat(r.json().get("accountName").asText()).isEqualTo(Azurite.ACCOUNT);
        assertThat(r.json().get("accountKey").asText()).isEqualTo("***");
        assertThat(r.body()).doesNotContain("sig=");
        Response all = alice.get("/v1/datasets/" + ds + "/datasource/all");
        assertThat(all.body()).doesNotContain("sig=").contains("\"accountKey\":\"***\"");
    }

    @Test
    void verify_fullSasToken_allGreen_andTheProbeBlobIsGone() {
        String container = newContainer();
        azurite.put(container, "farm/cow.jpg", IMAGE);
        String ds =
                datasetOn(config(container + "/farm/", azurite.containerSas(container, "racwdl")));

        DatasourceConfigVerifyData v = verify(ds);
        assertThat(v.errors()).isNull();
        assertThat(v.canList()).isTrue();
        assertThat(v.canRead()).isTrue();
        assertThat(v.canWrite()).isTrue();
        assertThat(v.canOverwrite()).isTrue();
        assertThat(azurite.names(container)).containsExactly("farm/cow.jpg");
    }

    @Test
    void verify_accountKey_allGreen() {
        String container = newContainer();
        azurite.put(container, "cow.jpg", IMAGE);
        DatasourceConfigVerifyData v = verify(datasetOn(config(container, Azurite.KEY)));
        assertThat(v.errors()).isNull();
        assertThat(v.canList() && v.canRead() && v.canWrite() && v.canOverwrite()).isTrue();
    }

    @Test
    void verify_readListSasToken_isAccepted_writeLightsRedSayingWhy() {
        String container = newContainer();
        azurite.put(container, "cow.jpg", IMAGE);
        String ds = datasetOn(config(container, azurite.containerSas(container, "rl")));

        DatasourceConfigVerifyData v = verify(ds);
        assertThat(v.canList()).isTrue();
        assertThat(v.canRead()).isTrue();
        assertThat(v.canWrite()).isFalse();
        assertThat(v.canOverwrite()).isFalse();
        assertThat(v.errors().get("canWrite")).contains("write (w) is missing").contains("'rl'");
    }

    @Test
    void verify_wrongAccountKey_everyLightRed_withAzuresReason() {
        String container = newContainer();
        String wrong = Azurite.KEY.replace('E', 'F');
        DatasourceConfigVerifyData v = verify(datasetOn(config(container, wrong)));
        assertThat(v.canList() || v.canRead() || v.canWrite() || v.canOverwrite()).isFalse();
        // Azure says AuthenticationFailed, Azurite AuthorizationFailure
        assertThat(v.errors().get("canList")).containsPattern("Auth\\w+Fail").contains("403");
        assertThat(v.errors().toString()).doesNotContain(wrong);
    }

    @Test
    void sasTokenWithoutList_isRefusedNamingAccountKey_andNothingIsStored() {
        String container = newContainer();
        String ds = newDataset();
        Response r = put(ds, config(container, azurite.containerSas(container, "r")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("DATASET_DATASOURCE_INVALID");
        assertThat(r.message()).contains("accountKey").contains("list (l)");
        assertThat(alice.get("/v1/datasets/" + ds + "/datasource").status()).isEqualTo(404);
    }

    @Test
    void badFields_areRefusedNamingTheField() {
        String container = newContainer();
        String sas = azurite.containerSas(container, "rl");
        String ds = newDataset();
        Map<String, Object> noAccount = config(container, sas);
        noAccount.remove("accountName");
        assertThat(put(ds, noAccount).message()).contains("accountName");
        assertThat(put(ds, config("Not_A_Container/x", sas)).message()).contains("fullPath");
        assertThat(put(ds, config(container, "not a key")).message()).contains("accountKey");
        Map<String, Object> noKey = config(container, sas);
        noKey.remove("accountKey");
        assertThat(put(ds, noKey).message()).contains("accountKey is required");
        Map<String, Object> wrongType = config(container, sas);
        wrongType.put("accountName", 12);
        Response typed = put(ds, wrongType);
        assertThat(typed.status()).isEqualTo(400);
        assertThat(typed.message()).contains("accountName");
        assertThat(alice.get("/v1/datasets/" + ds + "/datasource").status()).isEqualTo(404);
        Map<String, Object> endpoint = config(container, sas);
        endpoint.put("azureEndpointUrl", "ftp://example.com");
        assertThat(put(ds, endpoint).message()).contains("azureEndpointUrl");
    }

    @Test
    void anotherUser_cannotSetOrReadTheDatasource() {
        String container = newContainer();
        String ds = datasetOn(config(container, azurite.containerSas(container, "rl")));
        assertThat(bob.get("/v1/datasets/" + ds + "/datasource").status()).isIn(403, 404);
        Response r = bob.put("/v1/datasets/" + ds + "/datasource", config(container, Azurite.KEY));
        assertThat(r.status()).isIn(403, 404);
    }

    @Test
    void downloadRawSamples_listsTheBlobs_andABrowserGetsTheirBytes() {
        for (String key : List.of(Azurite.KEY, "sas")) {
            String container = newContainer();
            azurite.put(container, "farm/a.jpg", IMAGE);
            azurite.put(container, "farm/b/c.jpg", new byte[] {1, 2});
            azurite.put(container, "farm/.lightly/thumbnails/a_thumb.jpg", new byte[] {3});
            azurite.put(container, "elsewhere.jpg", new byte[] {4});
            String secret = key.equals("sas") ? azurite.containerSas(container, "rl") : key;
            String ds = datasetOn(config(container + "/farm/", secret));

            Response r =
                    alice.get(
                            "/v1/datasets/"
                                    + ds
                                    + "/datasource/list?from=0&to=9999999999&useRedirectedReadUrl=False");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("hasMore").asBoolean()).isFalse();
            List<String> names = r.json().get("data").findValuesAsText("fileName");
            assertThat(names).containsExactly("a.jpg", "b/c.jpg");
            String url = r.json().get("data").get(0).get("readUrl").asText();
            assertThat(URI.create(url).getPath())
                    .isEqualTo("/" + Azurite.ACCOUNT + "/" + container + "/farm/a.jpg");
            assertThat(Api.getBytes(url)).isEqualTo(IMAGE);
            if (key.equals(Azurite.KEY)) {
                assertThat(url).contains("sp=r&").doesNotContain(Azurite.KEY);
            }
        }
    }

    /**
     * What the web page writes on a tile: nothing for a blob there, Azure's code and the blob else.
     */
    @Test
    void imageProblem_readableBlob_isReadable_missingThumbnail_saysBlobNotFoundAndTheBlob() {
        String container = newContainer();
        azurite.put(container, "in/a.jpg", IMAGE);
        String ds = datasetOn(config(container + "/in/", azurite.containerSas(container, "rl")));
        Response created =
                alice.post(
                        "/v1/datasets/" + ds + "/samples/batch",
                        new SampleBatchRequest(List.of(Fixtures.sample("a.jpg")), "none"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String id = created.json().get("samples").get(0).get("id").asText();
        String problem = "/v1/datasets/" + ds + "/samples/" + id + "/imageProblem?type=";

        Response full = alice.get(problem + "full");
        assertThat(full.status()).as(full.body()).isEqualTo(200);
        assertThat(full.json().get("readable").asBoolean()).as(full.body()).isTrue();

        Response thumb = alice.get(problem + "thumbnail");
        assertThat(thumb.json().get("readable").asBoolean()).isFalse();
        assertThat(thumb.json().get("reason").asText())
                .startsWith("Azure: BlobNotFound")
                .endsWith("(blob in/.lightly/thumbnails/a_thumb.jpg)")
                .doesNotContain("sig=");
    }

    @Test
    void sampleWriteUrl_takesLightlysAzurePut_andTheImageLandsInTheContainer() {
        String container = newContainer();
        String ds = datasetOn(config(container + "/in", Azurite.KEY));
        Response created =
                alice.post(
                        "/v1/datasets/" + ds + "/samples/batch",
                        new SampleBatchRequest(List.of(Fixtures.sample("cats/a.jpg")), "none"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String id = created.json().get("samples").get(0).get("id").asText();

        Response r =
                alice.get("/v1/datasets/" + ds + "/samples/" + id + "/writeurl?isThumbnail=False");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String url = r.string();
        assertThat(url).contains("sp=cw").doesNotContain(Azurite.KEY);
        assertThat(putLikeLightly(url, IMAGE)).isEqualTo(201);
        assertThat(azurite.get(container, "in/cats/a.jpg")).isEqualTo(IMAGE);

        Response read = alice.get("/v1/datasets/" + ds + "/samples/" + id + "/readurl?type=full");
        assertThat(Api.getBytes(read.string())).isEqualTo(IMAGE);
    }

    @Test
    void lightlyJavasOwnClient_putsToAnAzureWriteUrl() {
        String container = newContainer();
        String ds = datasetOn(config(container, azurite.containerSas(container, "racwdl")));
        String id = Fixtures.samples(alice, ds, 1).get(0);
        String url =
                alice.get("/v1/datasets/" + ds + "/samples/" + id + "/writeurl?isThumbnail=False")
                        .string();
        // Azure refuses a PUT without x-ms-blob-type (400 MissingRequiredHeader)
        assertThat(Api.request("PUT", url, "{}").status()).isEqualTo(400);
        LightlyClient client =
                new LightlyClient(
                        URI.create(alice.base()), alice.token(), RetryPolicy.LIGHTLY, "test");
        client.put(url, IMAGE, "img_000.jpg");
        assertThat(azurite.get(container, "img_000.jpg")).isEqualTo(IMAGE);
    }

    /** The PUT Lightly's client sends to a write URL of an AZURE datasource (reference 6.4). */
    private static int putLikeLightly(String url, byte[] bytes) {
        try {
            var request =
                    java.net.http.HttpRequest.newBuilder(URI.create(url))
                            .header("x-ms-blob-type", "BlockBlob")
                            .header("Accept", "*/*")
                            .header("x-ms-original-content-length", Integer.toString(bytes.length))
                            .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes))
                            .build();
            return java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
