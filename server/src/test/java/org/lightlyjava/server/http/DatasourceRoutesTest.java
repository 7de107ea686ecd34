package org.lightlyjava.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.model.DatasourceConfig;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.S3Server;
import org.lightlyjava.server.testing.S3TestBase;

/** {@code PUT/GET /v1/datasets/{id}/datasource}, {@code .../all}, processed-until. */
class DatasourceRoutesTest extends S3TestBase {

    private Response get(String ds) {
        return alice.get("/v1/datasets/" + ds + "/datasource");
    }

    @Test
    void put_thenGet_showsTheConfigWithTheSecretMasked() {
        String ds = newDataset();
        setDatasource(alice, ds, s3Config("s3://farm-animals/projects/cows"));

        Response r = get(ds);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        DatasourceConfig c = r.as(DatasourceConfig.class);
        assertThat(c.id()).matches("[a-f0-9]{24}");
        assertThat(c.type()).isEqualTo("S3");
        assertThat(c.purpose()).isEqualTo("INPUT_OUTPUT");
        assertThat(c.fullPath()).isEqualTo("s3://farm-animals/projects/cows/");
        assertThat(c.thumbSuffix()).isEqualTo(DatasourceConfig.DEFAULT_THUMB_SUFFIX);
        assertThat(c.s3AccessKeyId()).isEqualTo(S3Server.ACCESS_KEY);
        assertThat(c.s3SecretAccessKey()).isEqualTo("***");
        assertThat(c.s3EndpointUrl()).isEqualTo(s3.endpoint());
        assertThat(r.body()).doesNotContain(S3Server.SECRET_KEY);
    }

    @Test
    void resave_withoutOrWithMaskedSecret_keepsTheStoredOne() throws Exception {
        String ds = newDataset();
        String bucket = newBucket();
        s3.put(bucket, "a.jpg", new byte[] {1});
        setDatasource(alice, ds, s3Config("s3://" + bucket + "/"));
        String sealed = sealedSecret(ds);

        Map<String, Object> masked = s3Config("s3://" + bucket + "/");
        masked.put("s3SecretAccessKey", "***");
        masked.put("thumbSuffix", "thumbs/[filename].webp");
        setDatasource(alice, ds, masked);
        assertThat(sealedSecret(ds)).isEqualTo(sealed);
        assertThat(get(ds).as(DatasourceConfig.class).thumbSuffix())
                .isEqualTo("thumbs/[filename].webp");

        Map<String, Object> omitted = s3Config("s3://" + bucket + "/");
        omitted.remove("s3SecretAccessKey");
        setDatasource(alice, ds, omitted);
        assertThat(sealedSecret(ds)).isEqualTo(sealed);
        Response verify = alice.get("/v1/datasets/" + ds + "/datasource/verify");
        assertThat(verify.json().get("canList").asBoolean()).as(verify.body()).isTrue();

        Map<String, Object> otherKey = s3Config("s3://" + bucket + "/");
        otherKey.remove("s3SecretAccessKey");
        otherKey.put("s3AccessKeyId", "ANOTHERKEY");
        Response refused = alice.put("/v1/datasets/" + ds + "/datasource", otherKey);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("DATASET_DATASOURCE_INVALID");
        assertThat(refused.message()).contains("s3SecretAccessKey").contains("s3AccessKeyId");
    }

    @Test
    void firstPut_withoutSecret_isRefused() {
        Map<String, Object> body = s3Config("s3://b-1/p/");
        body.remove("s3SecretAccessKey");
        Response r = alice.put("/v1/datasets/" + newDataset() + "/datasource", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains("s3SecretAccessKey is required");
    }

    @Test
    void secret_isEncryptedAtRest_withAKeyFileOnlyTheOwnerReads() throws Exception {
        String ds = newDataset();
        setDatasource(alice, ds, s3Config("s3://secret-test/"));
        String sealed = sealedSecret(ds);
        assertThat(sealed).startsWith("v1:").doesNotContain(S3Server.SECRET_KEY);

        Path key = dataDir.resolve("datasource.key");
        assertThat(Files.size(key)).isEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        for (Path file : Files.walk(dataDir).filter(Files::isRegularFile).toList()) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(content).as(file.toString()).doesNotContain(S3Server.SECRET_KEY);
        }
    }

    @Test
    void thumbSuffix_absentIsLightlysDefault_nullOrEmptyIsNone() {
        String ds = newDataset();
        Map<String, Object> body = s3Config("s3://thumbs-test/");
        String json = Fixtures.json(body).toString().replace("{", "{\"thumbSuffix\":null,");
        Response nulled = alice.put("/v1/datasets/" + ds + "/datasource", json);
        assertThat(nulled.status()).as(nulled.body()).isEqualTo(200);
        assertThat(get(ds).json().get("thumbSuffix").asText()).isEmpty();

        body.put("thumbSuffix", "");
        setDatasource(alice, ds, body);
        assertThat(get(ds).json().get("thumbSuffix").asText()).isEmpty();

        body.remove("thumbSuffix");
        setDatasource(alice, ds, body);
        assertThat(get(ds).json().get("thumbSuffix").asText())
                .isEqualTo(DatasourceConfig.DEFAULT_THUMB_SUFFIX);
    }

    @Test
    void invalidConfigs_answer400NamingTheField() {
        String ds = newDataset();
        assertInvalid(ds, "fullPath", "gs://bucket/x");
        assertInvalid(ds, "fullPath", "s3://A_bad_bucket/");
        assertInvalid(ds, "fullPath", "s3://bucket/../up/");
        assertInvalid(ds, "s3Region", "not a region!");
        assertInvalid(ds, "s3Region", null);
        Map<String, Object> aws = s3Config("s3://valid-bucket/");
        aws.remove("s3EndpointUrl");
        aws.put("s3Region", "moon-1");
        assertInvalid(ds, "s3Region", "moon-1 on AWS", aws);
        assertInvalid(ds, "s3AccessKeyId", "has space");
        assertInvalid(ds, "s3EndpointUrl", "ftp://example.com");
        assertInvalid(ds, "s3EndpointUrl", "http://example.com/path");
        assertInvalid(ds, "thumbSuffix", "/abs/[filename].jpg");
        assertInvalid(ds, "thumbSuffix", "no-placeholder.jpg");
        assertInvalid(ds, "thumbSuffix", "[filename].[extension]");
        assertInvalid(ds, "purpose", "OUTPUT");
        assertInvalid(ds, "type", "OBS");
        assertInvalid(ds, "s3ServerSideEncryptionKMSKey", "not-an-arn");
        assertThat(get(ds).status()).as("nothing stored").isEqualTo(404);
    }

    private void assertInvalid(String ds, String field, Object value) {
        Map<String, Object> body = s3Config("s3://valid-bucket/");
        body.put(field, value);
        assertInvalid(ds, field, value, body);
    }

    private void assertInvalid(String ds, String field, Object value, Map<String, Object> body) {
        Response r = alice.put("/v1/datasets/" + ds + "/datasource", body);
        assertThat(r.status()).as(field + "=" + value + ": " + r.body()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("DATASET_DATASOURCE_INVALID");
        assertThat(r.message()).as(field).contains(field);
    }

    @Test
    void purposes_areSeparate_andAllListsThem() {
        String ds = newDataset();
        setDatasource(alice, ds, s3Config("s3://input-bucket/"));
        Map<String, Object> lightly = s3Config("s3://output-bucket/out/");
        lightly.put("purpose", "LIGHTLY");
        setDatasource(alice, ds, lightly);

        assertThat(get(ds).json().get("fullPath").asText()).isEqualTo("s3://input-bucket/");
        Response l = alice.get("/v1/datasets/" + ds + "/datasource?purpose=LIGHTLY");
        assertThat(l.json().get("fullPath").asText()).isEqualTo("s3://output-bucket/out/");
        Response all = alice.get("/v1/datasets/" + ds + "/datasource/all");
        assertThat(all.json()).hasSize(2);
        assertThat(all.body()).doesNotContain(S3Server.SECRET_KEY);
        Response input = alice.get("/v1/datasets/" + ds + "/datasource?purpose=INPUT");
        assertThat(input.status()).isEqualTo(404);
        assertThat(input.code()).isEqualTo("DATASET_DATASOURCE_UNKNOWN");
    }

    @Test
    void processedUntilTimestamp_isZeroUntilSet() {
        String ds = newDataset();
        String path = "/v1/datasets/" + ds + "/datasource/processedUntilTimestamp";
        assertThat(alice.get(path).json().get("processedUntilTimestamp").asLong()).isZero();
        assertThat(
                        alice.put(path, Fixtures.body("processedUntilTimestamp", 1_700_000_123L))
                                .status())
                .isEqualTo(200);
        assertThat(alice.get(path).json().get("processedUntilTimestamp").asLong())
                .isEqualTo(1_700_000_123L);
        assertThat(alice.put(path, Fixtures.body("processedUntilTimestamp", -1)).status())
                .isEqualTo(400);
    }

    @Test
    void anotherUsersDataset_is404OnEveryDatasourceRoute() {
        String ds = newDataset();
        setDatasource(alice, ds, s3Config("s3://alices-bucket/"));
        String base = "/v1/datasets/" + ds + "/datasource";
        for (String path :
                new String[] {
                    base,
                    base + "?purpose=INPUT_OUTPUT",
                    base + "/all",
                    base + "/verify",
                    base + "/list",
                    base + "/readurlRedirect?path=a.jpg",
                    base + "/processedUntilTimestamp"
                }) {
            Response r = bob.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.code()).as(path).isEqualTo("DATASET_UNKNOWN");
        }
        assertThat(bob.put(base, s3Config("s3://bobs-bucket/")).status()).isEqualTo(404);
        assertThat(
                        bob.put(
                                        base + "/processedUntilTimestamp",
                                        Fixtures.body("processedUntilTimestamp", 5))
                                .status())
                .isEqualTo(404);
        assertThat(get(ds).json().get("fullPath").asText()).isEqualTo("s3://alices-bucket/");
        assertThat(anonymous.get(base).status()).isEqualTo(401);
    }

    @Test
    void deletingTheDataset_deletesItsDatasource() throws Exception {
        String ds = newDataset();
        setDatasource(alice, ds, s3Config("s3://gone-bucket/"));
        assertThat(alice.delete("/v1/datasets/" + ds).status()).isEqualTo(200);
        assertThat(sealedSecret(ds)).isNull();
    }

    private String sealedSecret(String datasetId) throws Exception {
        String url = "jdbc:sqlite:" + dataDir.resolve("lightly-server.db");
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT * FROM datasources WHERE dataset_id = '"
                                        + datasetId
                                        + "'")) {
            if (!rs.next()) {
                return null;
            }
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(rs.getString(i)).append('|');
            }
            assertThat(row.toString()).doesNotContain(S3Server.SECRET_KEY);
            return rs.getString("s3_secret_sealed");
        }
    }
}
