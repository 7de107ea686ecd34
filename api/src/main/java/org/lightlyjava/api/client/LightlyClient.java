package org.lightlyjava.api.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lightlyjava.api.model.AsyncTaskData;
import org.lightlyjava.api.model.CreateEntityResponse;
import org.lightlyjava.api.model.DatasetCreateRequest;
import org.lightlyjava.api.model.DatasetData;
import org.lightlyjava.api.model.DatasetEmbeddingData;
import org.lightlyjava.api.model.DatasourceConfig;
import org.lightlyjava.api.model.DatasourceConfigVerifyData;
import org.lightlyjava.api.model.DatasourceRawSamplesData;
import org.lightlyjava.api.model.DuplicatesData;
import org.lightlyjava.api.model.DuplicatesRequest;
import org.lightlyjava.api.model.InitialTagCreateRequest;
import org.lightlyjava.api.model.JobStatusData;
import org.lightlyjava.api.model.JobStatusMeta;
import org.lightlyjava.api.model.SampleBatchRequest;
import org.lightlyjava.api.model.SampleBatchResponse;
import org.lightlyjava.api.model.SampleCreateRequest;
import org.lightlyjava.api.model.SampleData;
import org.lightlyjava.api.model.SampleUpdateRequest;
import org.lightlyjava.api.model.SampleWriteUrls;
import org.lightlyjava.api.model.SamplingCreateRequest;
import org.lightlyjava.api.model.ServerInfo;
import org.lightlyjava.api.model.TagArithmeticsRequest;
import org.lightlyjava.api.model.TagBitMaskResponse;
import org.lightlyjava.api.model.TagCreateRequest;
import org.lightlyjava.api.model.TagData;
import org.lightlyjava.api.model.TagUpsizeRequest;
import org.lightlyjava.api.model.Trigger2dEmbeddingJobRequest;
import org.lightlyjava.api.model.WriteCsvUrlData;

/**
 * A client for Lightly's API v1 (reference §14) and lightly-java's extensions, over {@code
 * java.net.http}. Thread-safe. Every call retries on 429, 5xx and connection failures ({@link
 * RetryPolicy}) and fails with an {@link ApiException} naming the call.
 */
public final class LightlyClient {

    private static final TypeFactory TYPES = TypeFactory.defaultInstance();

    private final Transport transport;

    /**
     * @param baseUrl for example {@code https://api.lightly.ai} or {@code http://127.0.0.1:8787}
     * @param token the API token, sent as {@code ?token=}
     */
    public LightlyClient(URI baseUrl, String token, RetryPolicy retry, String userAgent) {
        this(Transport.defaultHttpClient(), baseUrl, token, retry, userAgent);
    }

    public LightlyClient(
            HttpClient http, URI baseUrl, String token, RetryPolicy retry, String userAgent) {
        this.transport = new Transport(http, baseUrl, token, retry, userAgent);
    }

    // ---- server ----

    /** The lightly-java extensions the server offers, or {@code null} for another server (404). */
    public ServerInfo info() {
        try {
            return transport.call("GET", "/v1/lightly-java/info", null, null, ServerInfo.class);
        } catch (ApiException e) {
            if (e.status() == 404 || e.status() == 405) {
                return null;
            }
            throw e;
        }
    }

    public String minimumVersion() {
        return transport.callForText("GET", "/v1/versions/pip/minimum", null);
    }

    /** The most samples a dataset may hold. */
    public long quota() {
        return Long.parseLong(transport.callForText("GET", "/v1/quota", null).trim());
    }

    // ---- datasets ----

    public String createDataset(DatasetCreateRequest request) {
        return transport
                .call("POST", "/v1/datasets", null, request, CreateEntityResponse.class)
                .id();
    }

    public DatasetData dataset(String datasetId) {
        return transport.call("GET", dataset(datasetId, ""), null, null, DatasetData.class);
    }

    /** The caller's own datasets with exactly this name. */
    public List<DatasetData> datasetsByName(String name) {
        return transport.call(
                "GET",
                "/v1/datasets/query/name/" + Transport.segment(name),
                query("exact", "true", "shared", "false"),
                null,
                listOf(DatasetData.class));
    }

    public void registerDatasetUpload(String datasetId, JobStatusMeta meta) {
        transport.callIgnoringAnswer(
                "PUT", dataset(datasetId, "/registerDatasetUpload"), null, meta);
    }

    // ---- samples ----

    public String createSample(String datasetId, SampleCreateRequest request) {
        return transport
                .call(
                        "POST",
                        dataset(datasetId, "/samples"),
                        null,
                        request,
                        CreateEntityResponse.class)
                .id();
    }

    /** lightly-java extension: see {@link SampleBatchRequest}. */
    public SampleBatchResponse createSamples(String datasetId, SampleBatchRequest request) {
        return transport.call(
                "POST",
                dataset(datasetId, "/samples/batch"),
                null,
                request,
                SampleBatchResponse.class);
    }

    /** Id and file name of every sample, in pages of {@code pageSize}. */
    public List<SampleData> sampleNames(String datasetId, int pageSize, int pageOffset) {
        return transport.call(
                "GET",
                dataset(datasetId, "/samples/partial"),
                query(
                        "mode",
                        "fileNames",
                        "pageSize",
                        Integer.toString(pageSize),
                        "pageOffset",
                        Integer.toString(pageOffset)),
                null,
                listOf(SampleData.class));
    }

    /** The samples with this file name (zero or one). */
    public List<SampleData> samplesNamed(String datasetId, String fileName) {
        return transport.call(
                "GET",
                dataset(datasetId, "/samples/partial"),
                query("mode", "fileNames", "fileName", fileName),
                null,
                listOf(SampleData.class));
    }

    public SampleData sample(String datasetId, String sampleId) {
        return transport.call(
                "GET", dataset(datasetId, "/samples/" + sampleId), null, null, SampleData.class);
    }

    public void updateSample(String datasetId, String sampleId, SampleUpdateRequest request) {
        transport.callIgnoringAnswer(
                "PUT", dataset(datasetId, "/samples/" + sampleId), null, request);
    }

    /** {@code field} = {@code fileName} or {@code _id}: one value per sample in creation order. */
    public List<String> mappings(String datasetId, String field) {
        return transport.call(
                "GET",
                dataset(datasetId, "/mappings"),
                query("field", field),
                null,
                listOf(String.class));
    }

    public String writeUrl(String datasetId, String sampleId, boolean thumbnail) {
        return transport.callForText(
                "GET",
                dataset(datasetId, "/samples/" + sampleId + "/writeurl"),
                query("isThumbnail", Boolean.toString(thumbnail)));
    }

    public SampleWriteUrls writeUrls(String datasetId, String sampleId) {
        return transport.call(
                "GET",
                dataset(datasetId, "/samples/" + sampleId + "/writeurls"),
                null,
                null,
                SampleWriteUrls.class);
    }

    /** {@code type} = {@code full} or {@code thumbnail}. */
    public String readUrl(String datasetId, String sampleId, String type) {
        return transport.callForText(
                "GET",
                dataset(datasetId, "/samples/" + sampleId + "/readurl"),
                query("type", type));
    }

    // ---- tags ----

    public List<TagData> tags(String datasetId) {
        return transport.call(
                "GET", dataset(datasetId, "/tags"), null, null, listOf(TagData.class));
    }

    public TagData tag(String datasetId, String tagId) {
        return transport.call(
                "GET", dataset(datasetId, "/tags/" + tagId), null, null, TagData.class);
    }

    public String createTag(String datasetId, TagCreateRequest request) {
        return transport
                .call(
                        "POST",
                        dataset(datasetId, "/tags"),
                        null,
                        request,
                        CreateEntityResponse.class)
                .id();
    }

    public String createInitialTag(String datasetId, InitialTagCreateRequest request) {
        return transport
                .call(
                        "POST",
                        dataset(datasetId, "/tags/initial"),
                        null,
                        request,
                        CreateEntityResponse.class)
                .id();
    }

    public String upsizeTags(String datasetId, TagUpsizeRequest request) {
        CreateEntityResponse created =
                transport.call(
                        "POST",
                        dataset(datasetId, "/tags/upsize"),
                        null,
                        request,
                        CreateEntityResponse.class);
        return created == null ? null : created.id();
    }

    public String tagArithmetics(String datasetId, TagArithmeticsRequest request) {
        return transport
                .call(
                        "POST",
                        dataset(datasetId, "/tags/arithmetics/bitmask"),
                        null,
                        request,
                        TagBitMaskResponse.class)
                .bitMaskData();
    }

    // ---- embeddings ----

    /** The dataset's embeddings, newest first. */
    public List<DatasetEmbeddingData> embeddings(String datasetId) {
        return transport.call(
                "GET",
                dataset(datasetId, "/embeddings"),
                null,
                null,
                listOf(DatasetEmbeddingData.class));
    }

    public WriteCsvUrlData embeddingWriteUrl(String datasetId, String name) {
        return transport.call(
                "GET",
                dataset(datasetId, "/embeddings/writeCSVUrl"),
                query("name", name),
                null,
                WriteCsvUrlData.class);
    }

    public String embeddingReadUrl(String datasetId, String embeddingId) {
        return transport.callForText(
                "GET", dataset(datasetId, "/embeddings/" + embeddingId + "/readCSVUrl"), null);
    }

    public void trigger2d(String datasetId, String embeddingId, String method) {
        transport.callIgnoringAnswer(
                "POST",
                dataset(datasetId, "/embeddings/" + embeddingId + "/trigger2dEmbeddingsJob"),
                null,
                new Trigger2dEmbeddingJobRequest(method));
    }

    // ---- selection and jobs ----

    /** Starts a selection (Lightly's "sampling") into a new tag; returns the job's id. */
    public String startSampling(
            String datasetId, String embeddingId, SamplingCreateRequest request) {
        return startJob(datasetId, embeddingId, "/sampling", request);
    }

    /** lightly-java extension: starts a search for near-duplicates; returns the job's id. */
    public String startDuplicates(String datasetId, String embeddingId, DuplicatesRequest request) {
        return startJob(datasetId, embeddingId, "/duplicates", request);
    }

    private String startJob(String datasetId, String embeddingId, String route, Object request) {
        return transport
                .call(
                        "POST",
                        dataset(datasetId, "/embeddings/" + embeddingId + route),
                        null,
                        request,
                        AsyncTaskData.class)
                .jobId();
    }

    /** lightly-java extension: the groups a finished duplicates job found. */
    public DuplicatesData duplicates(String datasetId, String embeddingId, String jobId) {
        return transport.call(
                "GET",
                dataset(datasetId, "/embeddings/" + embeddingId + "/duplicates/" + jobId),
                null,
                null,
                DuplicatesData.class);
    }

    public JobStatusData job(String jobId) {
        return transport.call(
                "GET", "/v1/jobs/" + Transport.segment(jobId), null, null, JobStatusData.class);
    }

    /**
     * Polls a job until it is {@code FINISHED} or {@code FAILED}, waiting {@code
     * waitTimeTillNextPoll} seconds (at least one) between polls, as Lightly's client does.
     *
     * @return the last status, {@code FINISHED} or {@code FAILED} (with its {@code error})
     * @throws ApiException when the job is still going after {@code timeout}
     */
    public JobStatusData waitForJob(String jobId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JobStatusData status = job(jobId);
            if ("FINISHED".equals(status.status()) || "FAILED".equals(status.status())) {
                return status;
            }
            Integer wait = status.waitTimeTillNextPoll();
            long sleepMs = 1000L * Math.max(1, wait == null ? 1 : wait);
            if (System.nanoTime() + sleepMs * 1_000_000 > deadline) {
                throw new ApiException(
                        "job " + jobId + " is still " + status.status() + " after " + timeout,
                        null);
            }
            Thread.sleep(sleepMs);
        }
    }

    // ---- datasource ----

    /** The dataset's datasource (secrets masked), or {@code null} when it has none (404). */
    public DatasourceConfig datasource(String datasetId) {
        try {
            return transport.call(
                    "GET", dataset(datasetId, "/datasource"), null, null, DatasourceConfig.class);
        } catch (ApiException e) {
            if (e.isNotFound()) {
                return null;
            }
            throw e;
        }
    }

    public void setDatasource(String datasetId, DatasourceConfig config) {
        transport.callIgnoringAnswer("PUT", dataset(datasetId, "/datasource"), null, config);
    }

    /**
     * lightly-java's {@code DELETE .../datasource?purpose=}: removes the dataset's datasource of a
     * purpose (Lightly's API has no such route); the dataset keeps its samples.
     */
    public void removeDatasource(String datasetId, String purpose) {
        transport.callIgnoringAnswer(
                "DELETE", dataset(datasetId, "/datasource"), query("purpose", purpose), null);
    }

    /** Tries the stored credentials and returns the lights. */
    public DatasourceConfigVerifyData verifyDatasource(String datasetId) {
        return transport.call(
                "GET",
                dataset(datasetId, "/datasource/verify"),
                null,
                null,
                DatasourceConfigVerifyData.class);
    }

    /** One page of the files under the datasource; {@code cursor} null for the first. */
    public DatasourceRawSamplesData listDatasource(String datasetId, String cursor) {
        // Redirect URLs: a client that only wants the names spares the server the signing.
        return transport.call(
                "GET",
                dataset(datasetId, "/datasource/list"),
                cursor == null
                        ? query("useRedirectedReadUrl", "true")
                        : query("cursor", cursor, "useRedirectedReadUrl", "true"),
                null,
                DatasourceRawSamplesData.class);
    }

    // ---- signed URLs ----

    /** PUTs bytes to a signed URL the server handed out. */
    public void put(String signedUrl, byte[] bytes, String what) {
        transport.putSigned(signedUrl, bytes, what);
    }

    /** Whether a blob exists behind a signed read URL (a 404 there: it does not). */
    public boolean exists(String signedUrl, String what) {
        return transport.existsSigned(signedUrl, what);
    }

    /** GETs a signed URL the server handed out. */
    public byte[] get(String signedUrl, String what) {
        return transport.getSigned(signedUrl, what);
    }

    private static String dataset(String datasetId, String rest) {
        return "/v1/datasets/" + Transport.segment(datasetId) + rest;
    }

    private static Map<String, String> query(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }

    private static JavaType listOf(Class<?> type) {
        return TYPES.constructCollectionType(List.class, type);
    }
}
