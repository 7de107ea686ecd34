package org.lightlyjava.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/** Request bodies are read strictly: each broken body is a 400 naming the field, nothing stored. */
class StrictJsonTest extends ServerTestBase {

    private static final String META =
            "\"metaData\":{\"sharpness\":1.5,\"snr\":2,\"shape\":[4,6,3],\"sizeInBytes\":10}";

    /**
     * Posts one sample's JSON text; asserts a 400 that names {@code field} and an empty dataset.
     */
    private void refused(String body, String field) {
        String ds = newDataset();
        Response r = alice.postRaw("/v1/datasets/" + ds + "/samples", body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).as(r.body()).contains(field);
        assertThat(alice.get("/v1/datasets/" + ds + "/samples").body()).isEqualTo("[]");
        Response batch =
                alice.postRaw(
                        "/v1/datasets/" + ds + "/samples/batch",
                        "{\"samples\":[{\"fileName\":\"ok.jpg\"}," + body + "]}");
        assertThat(batch.status()).as(batch.body()).isEqualTo(400);
        assertThat(batch.json().get("message").asText())
                .as(batch.body())
                .contains("samples[1]." + field);
        assertThat(alice.get("/v1/datasets/" + ds + "/samples").body()).isEqualTo("[]");
    }

    @Test
    void aWellFormedSample_isStored() {
        String ds = newDataset();
        Response r =
                alice.postRaw(
                        "/v1/datasets/" + ds + "/samples",
                        "{\"fileName\":\"a\\ud83d\\ude00.jpg\",\"unknown\":1," + META + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(
                        alice.get("/v1/datasets/" + ds + "/samples")
                                .json()
                                .get(0)
                                .get("fileName")
                                .asText())
                .isEqualTo("a\uD83D\uDE00.jpg");
    }

    @Test
    void trailingGarbage_isRefused() {
        String ds = newDataset();
        for (String body :
                new String[] {"{\"fileName\":\"a.jpg\"} x", "{\"fileName\":\"a.jpg\"}{}"}) {
            Response r = alice.postRaw("/v1/datasets/" + ds + "/samples", body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.json().get("message").asText()).contains("not valid JSON");
        }
        assertThat(alice.get("/v1/datasets/" + ds + "/samples").body()).isEqualTo("[]");
    }

    @Test
    void aDuplicateKey_isRefused() {
        refused(
                "{\"fileName\":\"a.jpg\",\"fileName\":\"b.jpg\"}",
                "fileName: the key appears twice");
        refused(
                "{\"fileName\":\"a.jpg\",\"metaData\":{\"snr\":1,\"snr\":2}}",
                "metaData.snr: the key appears twice");
    }

    @Test
    void aNumberWhereAStringBelongs_isRefused() {
        refused("{\"fileName\":5}", "fileName");
        refused("{\"fileName\":\"a.jpg\",\"thumbName\":true}", "thumbName");
    }

    @Test
    void aLoneSurrogate_isRefused() {
        refused("{\"fileName\":\"a\\ud800.jpg\"}", "fileName: a string holds a lone");
        refused("{\"fileName\":\"a.jpg\",\"customMetaData\":{\"x\\udc00\":1}}", "customMetaData: ");
    }

    @Test
    void aNumberBeyondADouble_isRefused() {
        refused("{\"fileName\":\"a.jpg\",\"metaData\":{\"snr\":1e400}}", "metaData.snr: 1e400");
        refused(
                "{\"fileName\":\"a.jpg\",\"customMetaData\":{\"t\":[1,-1e400]}}",
                "customMetaData.t[1]");
    }

    @Test
    void wrongTypedMetaDataValues_areRefused() {
        refused(
                "{\"fileName\":\"a.jpg\",\"metaData\":{\"sharpness\":\"high\"}}",
                "metaData.sharpness must be a number");
        refused(
                "{\"fileName\":\"a.jpg\",\"metaData\":{\"shape\":[4,6.5,3]}}",
                "metaData.shape must be a list of whole numbers");
        refused(
                "{\"fileName\":\"a.jpg\",\"metaData\":{\"sizeInBytes\":\"10\"}}",
                "metaData.sizeInBytes must be a whole number");
        refused(
                "{\"fileName\":\"a.jpg\",\"metaData\":{\"mean\":[0.1,null,0.3]}}",
                "metaData.mean must be a list of numbers");
    }

    @Test
    void aWrongTypedUpdate_changesNothing() {
        String ds = newDataset();
        String id =
                alice.postRaw(
                                "/v1/datasets/" + ds + "/samples",
                                "{\"fileName\":\"a.jpg\"," + META + "}")
                        .json()
                        .get("id")
                        .asText();
        Response r =
                alice.put(
                        "/v1/datasets/" + ds + "/samples/" + id,
                        java.util.Map.of("metaData", java.util.Map.of("snr", "loud")));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains("metaData.snr");
        assertThat(
                        alice.get("/v1/datasets/" + ds + "/samples/" + id)
                                .json()
                                .get("metaData")
                                .get("snr")
                                .asInt())
                .isEqualTo(2);
    }
}
