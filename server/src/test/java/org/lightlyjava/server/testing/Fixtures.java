package org.lightlyjava.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lightlyjava.api.model.ApiJson;
import org.lightlyjava.api.model.DatasetCreateRequest;
import org.lightlyjava.api.model.SampleBatchRequest;
import org.lightlyjava.api.model.SampleCreateRequest;

/** Datasets and samples made through the API. */
public final class Fixtures {

    private Fixtures() {}

    public static String dataset(Api api, String name) {
        Response r = api.post("/v1/datasets", DatasetCreateRequest.images(name, "USER_PIP"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asText();
    }

    /** Metadata like Lightly's client sends, with {@code sizeInBytes}. */
    public static JsonNode metaData(long sizeInBytes) {
        ObjectNode meta = ApiJson.mapper().createObjectNode();
        meta.putArray("mean").add(0.5).add(0.4).add(0.3);
        meta.putArray("std").add(0.1).add(0.2).add(0.3);
        meta.put("sizeInBytes", sizeInBytes);
        meta.putArray("shape").add(480).add(640).add(3);
        meta.put("is_corrupted", false);
        return meta;
    }

    public static SampleCreateRequest sample(String fileName) {
        return new SampleCreateRequest(fileName, thumbName(fileName), null, metaData(1000), null);
    }

    public static String thumbName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return (dot < 0 ? fileName : fileName.substring(0, dot)) + "_thumb.webp";
    }

    /** Creates {@code img_000.jpg ...} through the batch route; returns the ids in order. */
    public static List<String> samples(Api api, String datasetId, int n) {
        List<String> ids = new ArrayList<>();
        for (int from = 0; from < n; from += SampleBatchRequest.MAX_SAMPLES) {
            List<SampleCreateRequest> batch = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + SampleBatchRequest.MAX_SAMPLES); i++) {
                batch.add(sample(String.format("img_%03d.jpg", i)));
            }
            Response r =
                    api.post(
                            "/v1/datasets/" + datasetId + "/samples/batch",
                            new SampleBatchRequest(batch, "none"));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            r.json().get("samples").forEach(item -> ids.add(item.get("id").asText()));
        }
        return ids;
    }

    /** A value as a JSON tree. */
    public static JsonNode json(Object value) {
        return ApiJson.mapper().valueToTree(value);
    }

    public static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
