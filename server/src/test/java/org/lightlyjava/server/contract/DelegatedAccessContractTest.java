package org.lightlyjava.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.model.SampleBatchRequest;
import org.lightlyjava.api.model.SampleBatchResponse;
import org.lightlyjava.server.ServerSettings;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.S3Server;
import org.lightlyjava.server.testing.ServerTestBase;
import org.lightlyjava.server.testing.StsServer;

/**
 * Lightly's {@code set_s3_delegated_access_config}: the server assumes the role through STS (a test
 * STS on loopback) with its own credentials from the default chain (here the {@code aws.*} system
 * properties), and talks to the bucket (S3Proxy) with the session.
 */
class DelegatedAccessContractTest extends ServerTestBase {

    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private StsServer sts;
    private S3Server s3;

    @Override
    protected ServerSettings.Builder settings(ServerSettings.Builder builder) {
        try {
            sts = StsServer.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        s3 = S3Server.start(true);
        System.setProperty("aws.accessKeyId", StsServer.SERVER_ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", StsServer.SERVER_SECRET);
        return builder.stsEndpoint(sts.endpoint())
                .s3Endpoint(s3.endpoint())
                .s3Timeout(Duration.ofSeconds(2));
    }

    @AfterAll
    void stopSts() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (sts != null) {
            sts.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    private String newBucket() {
        String bucket = "delegated-" + BUCKETS.incrementAndGet();
        s3.createBucket(bucket);
        return bucket;
    }

    private void setDatasource(Api api, String datasetId, Object body) {
        Response r = api.put("/v1/datasets/" + datasetId + "/datasource", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /**
     * The body {@code set_s3_delegated_access_config(resource_path, region, role_arn, external_id)}
     * PUTs, as it is: the server's {@code --s3-endpoint} leads to S3Proxy.
     */
    private Map<String, Object> clientBody(String fullPath, String roleArn, String externalId) {
        return Fixtures.body(
                "type",
                "S3DelegatedAccess",
                "fullPath",
                fullPath,
                "thumbSuffix",
                ".lightly/thumbnails/[filename]_thumb.[extension]",
                "s3Region",
                "eu-central-1",
                "s3ARN",
                roleArn,
                "s3ExternalId",
                externalId,
                "purpose",
                "INPUT_OUTPUT");
    }

    private String delegatedDataset(String bucket, String externalId) {
        String ds = newDataset();
        setDatasource(
                alice, ds, clientBody("s3://" + bucket + "/farm/", StsServer.ROLE_ARN, externalId));
        return ds;
    }

    private long assumeRoleCalls() {
        return sts.calls().stream()
                .filter(c -> "AssumeRole".equals(c.form().get("Action")))
                .count();
    }

    @Test
    void saved_isShownBack_withRoleAndExternalId_andNoSecret() {
        String ds = delegatedDataset(newBucket(), StsServer.EXTERNAL_ID);
        JsonNode shown = alice.get("/v1/datasets/" + ds + "/datasource").json();
        assertThat(shown.get("type").asText()).isEqualTo("S3DelegatedAccess");
        assertThat(shown.get("fullPath").asText()).endsWith("/farm/");
        assertThat(shown.get("s3ARN").asText()).isEqualTo(StsServer.ROLE_ARN);
        assertThat(shown.get("s3ExternalId").asText()).isEqualTo(StsServer.EXTERNAL_ID);
        assertThat(shown.get("s3Region").asText()).isEqualTo("eu-central-1");
        assertThat(shown.has("s3SecretAccessKey")).isFalse();
    }

    @Test
    void verify_assumesTheRole_withTheExternalId_signedByTheServer_allGreen() {
        String bucket = newBucket();
        s3.put(bucket, "farm/cow.jpg", new byte[] {1, 2, 3});
        String ds = delegatedDataset(bucket, StsServer.EXTERNAL_ID);
        Response r = alice.get("/v1/datasets/" + ds + "/datasource/verify");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode lights = r.json();
        assertThat(lights.get("canList").asBoolean()).as(r.body()).isTrue();
        assertThat(lights.get("canRead").asBoolean()).as(r.body()).isTrue();
        assertThat(lights.get("canWrite").asBoolean()).as(r.body()).isTrue();
        assertThat(lights.get("canOverwrite").asBoolean()).as(r.body()).isTrue();
        StsServer.Call call = sts.calls().get(sts.calls().size() - 1);
        assertThat(call.form())
                .containsEntry("Action", "AssumeRole")
                .containsEntry("RoleArn", StsServer.ROLE_ARN)
                .containsEntry("ExternalId", StsServer.EXTERNAL_ID)
                .containsEntry("RoleSessionName", "lightly-server-" + ds)
                .containsEntry("DurationSeconds", "3600");
        assertThat(call.authorization())
                .startsWith("AWS4-HMAC-SHA256 Credential=" + StsServer.SERVER_ACCESS_KEY + "/")
                .contains("/eu-central-1/sts/aws4_request")
                .contains("Signature=");
        assertThat(s3.keys(bucket)).containsExactly("farm/cow.jpg");
    }

    @Test
    void readUrls_areSignedWithTheSession_carryItsToken_andOpen_oneAssumeRoleForAll() {
        String bucket = newBucket();
        s3.put(bucket, "farm/cow.jpg", new byte[] {7, 8, 9});
        s3.put(bucket, "farm/pig.jpg", new byte[] {4});
        long before = assumeRoleCalls();
        String ds = delegatedDataset(bucket, StsServer.EXTERNAL_ID);
        Response listed = alice.get("/v1/datasets/" + ds + "/datasource/list");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        JsonNode data = listed.json().get("data");
        assertThat(data).hasSize(2);
        String url = data.get(0).get("readUrl").asText();
        assertThat(data.get(0).get("fileName").asText()).isEqualTo("cow.jpg");
        assertThat(url)
                .contains("X-Amz-Security-Token=" + StsServer.SESSION_TOKEN)
                .contains("X-Amz-Credential=" + "AKIDLIGHTLYTEST01");
        assertThat(Api.getBytes(url)).containsExactly(7, 8, 9);
        Response redirect =
                alice.get("/v1/datasets/" + ds + "/datasource/readurlRedirect?path=pig.jpg");
        assertThat(redirect.status()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(Api.getBytes(location)).containsExactly(4);
        assertThat(assumeRoleCalls() - before).isEqualTo(1);
    }

    @Test
    void writeUrls_areSignedWithTheSession_andLandInTheBucket() {
        String bucket = newBucket();
        String ds = delegatedDataset(bucket, StsServer.EXTERNAL_ID);
        Response created =
                alice.post(
                        "/v1/datasets/" + ds + "/samples/batch",
                        new SampleBatchRequest(
                                List.of(Fixtures.sample("pens/hen.jpg")), "thumbnail"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String url = created.as(SampleBatchResponse.class).samples().get(0).thumbWriteUrl();
        assertThat(url).contains("X-Amz-Security-Token=" + StsServer.SESSION_TOKEN);
        assertThat(Api.putUrl(url, new byte[] {5, 6}).status()).isEqualTo(200);
        assertThat(s3.get(bucket, "farm/.lightly/thumbnails/pens/hen_thumb.jpg"))
                .containsExactly(5, 6);
    }

    @Test
    void setS3Config_asTheClientSendsIt_usesTheServersS3Endpoint() {
        String bucket = newBucket();
        s3.put(bucket, "farm/cow.jpg", new byte[] {1});
        String ds = newDataset();
        setDatasource(
                alice,
                ds,
                Fixtures.body(
                        "type",
                        "S3",
                        "fullPath",
                        "s3://" + bucket + "/farm/",
                        "thumbSuffix",
                        ".lightly/thumbnails/[filename]_thumb.[extension]",
                        "s3Region",
                        "eu-central-1",
                        "s3AccessKeyId",
                        S3Server.ACCESS_KEY,
                        "s3SecretAccessKey",
                        S3Server.SECRET_KEY,
                        "purpose",
                        "INPUT_OUTPUT"));
        JsonNode lights = alice.get("/v1/datasets/" + ds + "/datasource/verify").json();
        assertThat(lights.get("canList").asBoolean()).as(lights.toString()).isTrue();
        assertThat(lights.get("canRead").asBoolean()).as(lights.toString()).isTrue();
    }

    @Test
    void deniedAssumeRole_turnsEveryLightRed_sayingWhy() {
        String bucket = newBucket();
        s3.put(bucket, "farm/cow.jpg", new byte[] {1});
        String ds = delegatedDataset(bucket, "not-the-trusted-id");
        Response r = alice.get("/v1/datasets/" + ds + "/datasource/verify");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode lights = r.json();
        for (String light : new String[] {"canList", "canRead", "canWrite", "canOverwrite"}) {
            assertThat(lights.get(light).asBoolean()).isFalse();
            assertThat(lights.get("errors").get(light).asText())
                    .contains("AssumeRole of " + StsServer.ROLE_ARN + " failed: AccessDenied")
                    .contains("not authorized to perform: sts:AssumeRole");
        }
        Response list = alice.get("/v1/datasets/" + ds + "/datasource/list");
        assertThat(list.status()).isEqualTo(400);
        assertThat(list.code()).isEqualTo("DATASET_DATASOURCE_CREDENTIALS_ERROR");
        assertThat(list.message()).contains("AccessDenied");
    }

    @Test
    void externalIdUnderTenCharacters_is400NamingIt_andNothingIsStored() {
        String ds = newDataset();
        Response r =
                alice.put(
                        "/v1/datasets/" + ds + "/datasource",
                        clientBody("s3://b/", StsServer.ROLE_ARN, "short-id9"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("DATASET_DATASOURCE_INVALID");
        assertThat(r.message()).contains("s3ExternalId").contains("it has 9");
        assertThat(alice.get("/v1/datasets/" + ds + "/datasource").status()).isEqualTo(404);
    }

    @Test
    void malformedRoleArn_is400NamingS3Arn() {
        String ds = newDataset();
        for (String arn : new String[] {"arn:aws:iam::1234:role/x", "arn:aws:s3:::bucket", ""}) {
            Response r =
                    alice.put(
                            "/v1/datasets/" + ds + "/datasource",
                            clientBody("s3://b/", arn, StsServer.EXTERNAL_ID));
            assertThat(r.status()).as(arn).isEqualTo(400);
            assertThat(r.message()).as(arn).contains("s3ARN");
        }
        assertThat(alice.get("/v1/datasets/" + ds + "/datasource").status()).isEqualTo(404);
    }

    @Test
    void externalIdWithForbiddenCharacters_is400() {
        String ds = newDataset();
        Response r =
                alice.put(
                        "/v1/datasets/" + ds + "/datasource",
                        clientBody("s3://b/", StsServer.ROLE_ARN, "external id with spaces"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains("s3ExternalId");
    }

    @Test
    void bobCannotSeeOrChangeAlicesDelegatedDatasource() {
        String ds = delegatedDataset(newBucket(), StsServer.EXTERNAL_ID);
        assertThat(bob.get("/v1/datasets/" + ds + "/datasource").status()).isIn(403, 404);
        assertThat(
                        bob.put(
                                        "/v1/datasets/" + ds + "/datasource",
                                        clientBody(
                                                "s3://other/",
                                                StsServer.ROLE_ARN,
                                                StsServer.EXTERNAL_ID))
                                .status())
                .isIn(403, 404);
    }
}
