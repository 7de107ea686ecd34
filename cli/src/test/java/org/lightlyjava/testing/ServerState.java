package org.lightlyjava.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lightlyjava.api.client.ApiException;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.model.DatasetEmbeddingData;
import org.lightlyjava.api.model.SampleData;
import org.lightlyjava.api.model.TagData;

/**
 * Everything an upload leaves on a server for one dataset, in a form two uploads can be compared
 * by: samples in order with their metadata and a hash of each blob, tags with their bitmasks,
 * embeddings with their CSV. Ids and times are left out (they differ between datasets).
 */
public record ServerState(
        List<String> samples,
        Map<String, String> tags,
        Map<String, String> embeddings,
        String imgType) {

    public static ServerState of(LightlyClient client, String datasetId) {
        List<String> samples = new ArrayList<>();
        List<String> ids = client.mappings(datasetId, "_id");
        for (String id : ids) {
            SampleData sample = client.sample(datasetId, id);
            samples.add(
                    sample.fileName()
                            + " thumb="
                            + sample.thumbName()
                            + " meta="
                            + sample.metaData()
                            + " exif="
                            + sample.exif()
                            + " custom="
                            + sample.customMetaData()
                            + " thumbBlob="
                            + blob(client, datasetId, id, "thumbnail")
                            + " fullBlob="
                            + blob(client, datasetId, id, "full"));
        }
        Map<String, String> tags = new TreeMap<>();
        for (TagData tag : client.tags(datasetId)) {
            tags.put(
                    tag.name().startsWith("20") ? "upsize-tag" : tag.name(),
                    tag.bitMaskData() + "/" + tag.totSize());
        }
        Map<String, String> embeddings = new TreeMap<>();
        for (DatasetEmbeddingData e : client.embeddings(datasetId)) {
            byte[] csv =
                    e.isProcessed()
                            ? client.get(client.embeddingReadUrl(datasetId, e.id()), "csv")
                            : new byte[0];
            embeddings.put(
                    e.name(), e.isProcessed() + ":" + new String(csv, StandardCharsets.UTF_8));
        }
        return new ServerState(samples, tags, embeddings, client.dataset(datasetId).imgType());
    }

    private static String blob(
            LightlyClient client, String datasetId, String sampleId, String type) {
        try {
            byte[] bytes = client.get(client.readUrl(datasetId, sampleId, type), type);
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 16);
        } catch (ApiException e) {
            return e.isNotFound() ? "none" : "error " + e.status();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
