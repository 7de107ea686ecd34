package org.lightlyjava.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.server.testing.Api;

/** {@code lightly-server}: what it prints and its exit codes. */
class ServerMainTest {

    @TempDir Path dir;

    private record Run(int code, String out, String err) {}

    private Run run(String... args) {
        return run(StopSignal.manual(), args);
    }

    private Run run(StopSignal stop, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandEnv env =
                new CommandEnv(
                        new PrintWriter(out),
                        new PrintWriter(err),
                        Map.of(ServerSettings.DATA_DIR_ENV, dir.toString()),
                        stop);
        int code = ServerMain.run(env, args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void tokenCreate_printsTheTokenOnceAndStoresOnlyItsHash() throws Exception {
        Run created = run("token", "create", "--user", "alice");
        assertThat(created.code()).isZero();
        String token = created.out().strip();
        assertThat(token).matches("[0-9a-f]{64}");
        assertThat(created.out()).isEqualTo(token + System.lineSeparator());
        assertThat(created.err()).contains("shown only this once").doesNotContain(token);

        Run listed = run("token", "list");
        assertThat(listed.code()).isZero();
        assertThat(listed.out())
                .contains("alice")
                .contains("..." + token.substring(60))
                .doesNotContain(token.substring(0, 8));
        for (Path file : Files.walk(dir).filter(Files::isRegularFile).toList()) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(content).as(file.toString()).doesNotContain(token);
        }
    }

    @Test
    void tokenRevoke_byIdOrUser() {
        run("token", "create", "--user", "alice");
        run("token", "create", "--user", "alice");
        String id =
                run("token", "list")
                        .out()
                        .lines()
                        .skip(1)
                        .findFirst()
                        .orElseThrow()
                        .split("\\s+")[0];
        Run revoked = run("token", "revoke", id);
        assertThat(revoked.code()).isZero();
        assertThat(revoked.out()).contains("revoked 1 token");
        assertThat(run("token", "revoke", id).code()).isEqualTo(3);
        assertThat(run("token", "revoke", "--user", "alice").out()).contains("revoked 1 token");
        assertThat(run("token", "revoke", "--user", "nobody").code()).isEqualTo(3);
        assertThat(run("token", "list").out().lines().count()).isEqualTo(1);
    }

    @Test
    void usageErrors_exitWith2() {
        assertThat(run("token", "create").code()).isEqualTo(2);
        assertThat(run("token", "create", "--user", "no spaces").code()).isEqualTo(2);
        assertThat(run("token").code()).isEqualTo(2);
        assertThat(run("token", "revoke").code()).isEqualTo(2);
        assertThat(run("nonsense").code()).isEqualTo(2);
        assertThat(run("serve", "--port", "70000").code()).isEqualTo(2);
        assertThat(run("serve", "--port", "x").code()).isEqualTo(2);
        assertThat(run("serve", "--public-url", "ftp://x").code()).isEqualTo(2);
    }

    @Test
    void unusableDatabase_exitsWith3() {
        Run bad = run("serve", "--port", "0", "--db", "jdbc:mysql://localhost/x?password=secret");
        assertThat(bad.code()).isEqualTo(3);
        assertThat(bad.err()).contains("unsupported database URL").doesNotContain("secret");
        assertThat(run("token", "list", "--db", "jdbc:postgresql://127.0.0.1:1/none").code())
                .isEqualTo(3);
    }

    @Test
    void versionAndHelp() {
        Run version = run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("lightly-server ");
        Run help = run("serve", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--port").contains("--data-dir").contains("--db");
    }

    @Test
    void serve_printsItsUrlAndAHintThenStopsCleanly() throws Exception {
        run("token", "create", "--user", "carol");
        StopSignal stop = StopSignal.manual();
        StringWriter out = new StringWriter();
        CommandEnv env =
                new CommandEnv(
                        new PrintWriter(out, true),
                        new PrintWriter(new StringWriter()),
                        Map.of(),
                        stop);
        CompletableFuture<Integer> served =
                CompletableFuture.supplyAsync(
                        () ->
                                ServerMain.run(
                                        env, "serve", "--port", "0", "--data-dir", dir.toString()));
        String url = awaitUrl(out, served);
        assertThat(Api.getUrl(url + "/v1/versions/pip/minimum").status()).isEqualTo(200);
        assertThat(out.toString())
                .contains("token create --user NAME --data-dir " + dir)
                .contains("database: sqlite");

        stop.requestStop();
        assertThat(served.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(stop.awaitStopped()).isTrue();
        assertThat(out.toString()).contains("stopping");
    }

    @Test
    void serve_onPostgresql_hintsTokenCreateWithTheSameDb() throws Exception {
        String db = org.lightlyjava.server.testing.Postgres.freshSchema() + "&password=s3cret";
        StopSignal stop = StopSignal.manual();
        StringWriter out = new StringWriter();
        CommandEnv env =
                new CommandEnv(
                        new PrintWriter(out, true),
                        new PrintWriter(new StringWriter()),
                        Map.of(),
                        stop);
        CompletableFuture<Integer> served =
                CompletableFuture.supplyAsync(
                        () -> ServerMain.run(env, "serve", "--port", "0", "--db", db));
        awaitUrl(out, served);
        stop.requestStop();
        assertThat(served.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString())
                .contains("database: postgresql")
                .contains(
                        "token create --user NAME --db '"
                                + db.replace("s3cret", "***")
                                + "' (with the password as given here)")
                .doesNotContain("s3cret");
    }

    @Test
    void stop_letsAnUploadInFlightFinish_thenRefusesConnections() throws Exception {
        String token = run("token", "create", "--user", "dave").out().strip();
        StopSignal stop = StopSignal.manual();
        StringWriter out = new StringWriter();
        CommandEnv env =
                new CommandEnv(
                        new PrintWriter(out, true),
                        new PrintWriter(new StringWriter()),
                        Map.of(),
                        stop);
        CompletableFuture<Integer> served =
                CompletableFuture.supplyAsync(
                        () ->
                                ServerMain.run(
                                        env, "serve", "--port", "0", "--data-dir", dir.toString()));
        String url = awaitUrl(out, served);
        Api api = new Api(url, token);
        String ds = org.lightlyjava.server.testing.Fixtures.dataset(api, "in flight");
        String sample = org.lightlyjava.server.testing.Fixtures.samples(api, ds, 1).get(0);
        java.net.URI write =
                java.net.URI.create(
                        api.get(
                                        "/v1/datasets/"
                                                + ds
                                                + "/samples/"
                                                + sample
                                                + "/writeurl?isThumbnail=false")
                                .string());
        byte[] body = new byte[200_000];
        try (java.net.Socket socket = new java.net.Socket(write.getHost(), write.getPort())) {
            java.io.OutputStream o = socket.getOutputStream();
            o.write(
                    ("PUT "
                                    + write.getRawPath()
                                    + "?"
                                    + write.getRawQuery()
                                    + " HTTP/1.1\r\n"
                                    + "Host: "
                                    + write.getAuthority()
                                    + "\r\n"
                                    + "Content-Length: "
                                    + body.length
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            o.write(body, 0, body.length / 2);
            o.flush();
            Thread.sleep(100);
            stop.requestStop(); // what SIGTERM does through the JVM's shutdown hook
            Thread.sleep(200);
            o.write(body, body.length / 2, body.length - body.length / 2);
            o.flush();
            String answer =
                    new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 200");
        }
        assertThat(served.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(stop.awaitStopped()).isTrue();
        java.net.URI base = java.net.URI.create(url);
        assertThatThrownBy(() -> new java.net.Socket(base.getHost(), base.getPort()).close())
                .isInstanceOf(java.net.ConnectException.class);
    }

    private static String awaitUrl(StringWriter out, CompletableFuture<Integer> served)
            throws InterruptedException {
        Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
        for (int i = 0; i < 200; i++) {
            Matcher m = listening.matcher(out.toString());
            if (m.find()) {
                return m.group(1);
            }
            assertThat(served).as(out.toString()).isNotDone();
            Thread.sleep(50);
        }
        throw new AssertionError("no URL printed: " + out);
    }
}
