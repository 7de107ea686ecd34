package org.lightlyjava.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.server.testing.S3Server;
import org.lightlyjava.server.testing.S3TestBase;

/** {@code lightly-server datasource set|show|verify} against a real server and S3 server. */
class DatasourceCommandsTest extends S3TestBase {

    @TempDir Path dir;

    private record Run(int code, String out, String err) {}

    private Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> environment = new HashMap<>(env);
        environment.put(ClientOptions.URL_ENV, alice.base());
        int code =
                ServerMain.run(
                        new CommandEnv(
                                new PrintWriter(out),
                                new PrintWriter(err),
                                environment,
                                StopSignal.manual()),
                        args);
        return new Run(code, out.toString(), err.toString());
    }

    private Run run(String... args) {
        return run(Map.of(), args);
    }

    private Path secretFile(String secret) throws IOException {
        Path file = dir.resolve("secret-" + System.nanoTime());
        Files.writeString(file, secret + "\n");
        return file;
    }

    private String[] set(String ds, String bucket, String... more) {
        String[] base = {
            "datasource",
            "set",
            "--token",
            alice.token(),
            "--dataset",
            ds,
            "--s3",
            "s3://" + bucket + "/p",
            "--access-key-id",
            S3Server.ACCESS_KEY,
            "--endpoint-url",
            s3.endpoint()
        };
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void set_show_verify_withTheSecretFromAFile() throws IOException {
        String bucket = newBucket();
        s3.put(bucket, "p/a.jpg", new byte[] {1});
        String ds = newDataset();

        Run set =
                run(
                        set(
                                ds,
                                bucket,
                                "--secret-key-file",
                                secretFile(S3Server.SECRET_KEY).toString()));
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains("s3://" + bucket + "/p/").contains("***");
        assertThat(set.out() + set.err()).doesNotContain(S3Server.SECRET_KEY);

        Run show = run("datasource", "show", "--token", alice.token(), "--dataset", ds);
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("S3").contains("***").doesNotContain(S3Server.SECRET_KEY);

        Run verify = run("datasource", "verify", "--token", alice.token(), "--dataset", ds);
        assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out())
                .contains("List       green")
                .contains("Read       green")
                .contains("Write      green")
                .contains("Overwrite  green");

        Run json =
                run(
                        "datasource",
                        "verify",
                        "--token",
                        alice.token(),
                        "--dataset",
                        ds,
                        "--format",
                        "json");
        assertThat(json.out()).contains("\"canList\" : true");
    }

    @Test
    void wrongSecretFromTheEnvironment_verifyExits3_withTheReasons() {
        String bucket = newBucket();
        String ds = newDataset();
        Run set = run(Map.of(DatasourceCommands.SECRET_ENV, "not-the-secret"), set(ds, bucket));
        assertThat(set.code()).as(set.err()).isZero();

        Run verify = run("datasource", "verify", "--token", alice.token(), "--dataset", ds);
        assertThat(verify.code()).isEqualTo(3);
        assertThat(verify.out())
                .contains("List       red    SignatureDoesNotMatch")
                .contains("Read       red    SignatureDoesNotMatch");
        assertThat(verify.err()).contains("List and Read must be green");
    }

    @Test
    void resetWithoutASecret_keepsTheStoredOne() throws IOException {
        String bucket = newBucket();
        s3.put(bucket, "p/a.jpg", new byte[] {1});
        String ds = newDataset();
        run(set(ds, bucket, "--secret-key-file", secretFile(S3Server.SECRET_KEY).toString()));
        Run again = run(set(ds, bucket, "--thumb-suffix", ""));
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("(none: full images are shown)");
        assertThat(run("datasource", "verify", "--token", alice.token(), "--dataset", ds).code())
                .isZero();
    }

    @Test
    void usageAndApiErrors_haveTheirExitCodes() {
        String ds = newDataset();
        assertThat(
                        run(
                                        "datasource",
                                        "set",
                                        "--token",
                                        alice.token(),
                                        "--dataset",
                                        ds,
                                        "--s3",
                                        "s3://b-1/")
                                .code())
                .as("--s3 needs --access-key-id")
                .isEqualTo(2);
        assertThat(run("datasource", "set", "--dataset", ds, "--local", "x").code())
                .as("no token")
                .isEqualTo(2);
        assertThat(
                        run(
                                        "datasource",
                                        "set",
                                        "--token",
                                        "t",
                                        "--dataset",
                                        ds,
                                        "--local",
                                        "x",
                                        "--secret-key",
                                        "s")
                                .code())
                .as("no secret on the command line")
                .isEqualTo(2);
        Run none = run("datasource", "show", "--token", alice.token(), "--dataset", ds);
        assertThat(none.code()).isEqualTo(3);
        assertThat(none.err()).contains("has no INPUT_OUTPUT datasource");
        Run foreign = run(set(ds, "b-1", "--secret-key-file", "/nonexistent/file"));
        assertThat(foreign.code()).isEqualTo(3);
        Run bob = run("datasource", "verify", "--token", this.bob.token(), "--dataset", ds);
        assertThat(bob.code()).isEqualTo(3);
        assertThat(bob.err()).contains("DATASET_UNKNOWN");
        Run invalid = run(set(ds, "b-1", "--region", "not a region!"));
        assertThat(invalid.code()).isEqualTo(3);
        assertThat(invalid.err()).contains("DATASET_DATASOURCE_INVALID").contains("s3Region");
    }

    @Test
    void set_azureGcsAndDelegatedAccess_storeWhatShowThenPrints_secretsMasked() throws IOException {
        String ds = newDataset();
        Run azure =
                run(
                        "datasource",
                        "set",
                        "--token",
                        alice.token(),
                        "--dataset",
                        ds,
                        "--azure",
                        "farm/in/",
                        "--account-name",
                        "devstoreaccount1",
                        "--secret-key-file",
                        secretFile(org.lightlyjava.server.testing.Azurite.KEY).toString());
        assertThat(azure.code()).as(azure.err()).isZero();
        assertThat(azure.out())
                .containsPattern("type +AZURE")
                .containsPattern("accountName +devstoreaccount1")
                .containsPattern("accountKey +\\*\\*\\*")
                .doesNotContain(org.lightlyjava.server.testing.Azurite.KEY);

        Path key = secretFile("unused");
        try (var in =
                getClass()
                        .getResourceAsStream(
                                "/gcs-v4-conformance/test_service_account.not-a-test.json")) {
            java.nio.file.Files.write(key, in.readAllBytes());
        }
        Run gcs =
                run(
                        "datasource",
                        "set",
                        "--token",
                        alice.token(),
                        "--dataset",
                        ds,
                        "--gcs",
                        "gs://b-1/p/",
                        "--gcs-project",
                        "dummy-project-id",
                        "--secret-key-file",
                        key.toString());
        assertThat(gcs.code()).as(gcs.err()).isZero();
        assertThat(gcs.out())
                .containsPattern("gcsProjectId +dummy-project-id")
                .containsPattern("gcsCredentials +\\*\\*\\*")
                .doesNotContain("PRIVATE KEY");

        Run role =
                run(
                        "datasource",
                        "set",
                        "--token",
                        alice.token(),
                        "--dataset",
                        ds,
                        "--s3",
                        "s3://bucket/p/",
                        "--role-arn",
                        "arn:aws:iam::123456789012:role/lightly",
                        "--external-id",
                        "external-id-1234");
        assertThat(role.code()).as(role.err()).isZero();
        assertThat(role.out())
                .containsPattern("type +S3DelegatedAccess")
                .containsPattern("s3ARN +arn:aws:iam::123456789012:role/lightly")
                .containsPattern("s3ExternalId +external-id-1234");

        Run noAccount =
                run(
                        "datasource",
                        "set",
                        "--token",
                        alice.token(),
                        "--dataset",
                        ds,
                        "--azure",
                        "farm/");
        assertThat(noAccount.code()).isEqualTo(2);
        assertThat(noAccount.err()).contains("--azure needs --account-name");
    }

    @Test
    void show_aGcsDatasource_namesItsProject_andMasksItsKeyFile() throws IOException {
        String ds = newDataset();
        String key;
        try (var in =
                getClass()
                        .getResourceAsStream(
                                "/gcs-v4-conformance/test_service_account.not-a-test.json")) {
            key = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Map<String, Object> gcs =
                org.lightlyjava.server.testing.Fixtures.body(
                        "type",
                        "GCS",
                        "fullPath",
                        "gs://b-1/p/",
                        "gcsProjectId",
                        "dummy-project-id",
                        "gcsCredentials",
                        key);
        assertThat(alice.put("/v1/datasets/" + ds + "/datasource", gcs).status()).isEqualTo(200);
        Run show = run("datasource", "show", "--token", alice.token(), "--dataset", ds);
        assertThat(show.code()).isZero();
        assertThat(show.out())
                .contains("gs://b-1/p/")
                .containsPattern("gcsProjectId +dummy-project-id")
                .containsPattern("gcsCredentials +\\*\\*\\*")
                .doesNotContain("PRIVATE KEY");
    }

    @Test
    void remove_takesTheDatasourceAway_andShowThenSaysThereIsNone() throws IOException {
        String ds = newDataset();
        Run set =
                run(
                        set(
                                ds,
                                newBucket(),
                                "--region",
                                "us-east-1",
                                "--secret-key-file",
                                secretFile(S3Server.SECRET_KEY).toString()));
        assertThat(set.code()).as(set.err()).isZero();

        Run remove = run("datasource", "remove", "--token", alice.token(), "--dataset", ds);
        assertThat(remove.code()).as(remove.err()).isZero();
        assertThat(remove.out()).contains("removed the INPUT_OUTPUT datasource of " + ds);

        Run show = run("datasource", "show", "--token", alice.token(), "--dataset", ds);
        assertThat(show.code()).isEqualTo(3);

        Run again = run("datasource", "remove", "--token", alice.token(), "--dataset", ds);
        assertThat(again.code()).isEqualTo(3);
        assertThat(again.err()).contains("DATASET_DATASOURCE_UNKNOWN");
    }
}
