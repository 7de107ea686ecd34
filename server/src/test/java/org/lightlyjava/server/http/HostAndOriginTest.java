package org.lightlyjava.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightlyjava.server.ServerSettings;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/**
 * What a browser or a forged request can make of the server: blobs are never sniffed, the session
 * cookie writes only with JSON or the own origin, handed-out URLs never follow a foreign Host.
 */
class HostAndOriginTest extends ServerTestBase {

    private static final String SESSION = "/v1/lightly-java/session";

    @Override
    protected ServerSettings.Builder settings(ServerSettings.Builder builder) {
        return builder.allowedHosts(List.of("files.example:1234"));
    }

    private String writeUrlPath(String ds, String sample) {
        return "/v1/datasets/"
                + ds
                + "/samples/"
                + sample
                + "/writeurl?isThumbnail=false&token="
                + alice.token();
    }

    @Test
    void blobs_areServedWithNosniff() {
        String ds = newDataset();
        String sample = Fixtures.samples(alice, ds, 1).get(0);
        String write = alice.get(writeUrlPath(ds, sample).replaceFirst("&token=.*", "")).string();
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThat(Api.putUrl(write, html).status()).isEqualTo(200);
        String read =
                alice.get("/v1/datasets/" + ds + "/samples/" + sample + "/readurl?type=full")
                        .string();
        Response blob = Api.getUrl(read);
        assertThat(blob.status()).isEqualTo(200);
        assertThat(blob.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void aForeignHostHeader_neverBecomesTheUrlsHost() throws IOException {
        String ds = newDataset();
        String sample = Fixtures.samples(alice, ds, 1).get(0);
        String own = URI.create(alice.base()).getAuthority();
        assertThat(urlWithHost(writeUrlPath(ds, sample), "evil.example"))
                .startsWith("http://" + own + "/v1/blobs/");
        assertThat(urlWithHost(writeUrlPath(ds, sample), "127.evil.example"))
                .startsWith("http://" + own + "/v1/blobs/");
        assertThat(urlWithHost(writeUrlPath(ds, sample), "files.example:9999"))
                .startsWith("http://" + own + "/v1/blobs/");
        assertThat(urlWithHost(writeUrlPath(ds, sample), "files.example:1234"))
                .as("an allowed host")
                .startsWith("http://files.example:1234/v1/blobs/");
        assertThat(urlWithHost(writeUrlPath(ds, sample), "localhost:" + server.server().port()))
                .startsWith("http://localhost:" + server.server().port() + "/v1/blobs/");
    }

    /** The body of a GET sent with this {@code Host} header (java.net.http will not send one). */
    private String urlWithHost(String path, String host) throws IOException {
        URI base = URI.create(alice.base());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200");
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            return body.replaceAll("^\"|\"$", "");
        }
    }

    @Test
    void aCookieWrite_needsJsonOrTheOwnOrigin() {
        Response signIn =
                Api.request(
                        "POST", alice.base() + SESSION, "{\"token\":\"" + alice.token() + "\"}");
        String header = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = header.substring(0, header.indexOf(';'));
        String body = "{\"name\":\"cookie set " + System.nanoTime() + "\"}";
        Response form =
                Api.request(
                        "POST",
                        alice.base() + "/v1/datasets",
                        body,
                        "Cookie",
                        cookie,
                        "Content-Type",
                        "text/plain");
        assertThat(form.status()).as(form.body()).isEqualTo(403);
        assertThat(form.message()).contains("application/json");
        Response json = Api.request("POST", alice.base() + "/v1/datasets", body, "Cookie", cookie);
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        Response sameOrigin =
                Api.request(
                        "POST",
                        alice.base() + "/v1/datasets",
                        body.replace("cookie set", "origin set"),
                        "Cookie",
                        cookie,
                        "Content-Type",
                        "text/plain",
                        "Origin",
                        alice.base());
        assertThat(sameOrigin.status()).as(sameOrigin.body()).isEqualTo(200);
        Response token =
                Api.request(
                        "POST",
                        alice.base() + "/v1/datasets?token=" + alice.token(),
                        body.replace("cookie set", "token set"),
                        "Content-Type",
                        "text/plain");
        assertThat(token.status()).as("a token is no ambient credential").isEqualTo(200);
    }
}
