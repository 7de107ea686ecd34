package org.lightlyjava.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;

/**
 * {@code lightly-server browse}: one printed link signs the browser in to the tools' default data
 * folder as their user; the link and its sessions die with the command.
 */
class BrowseCommandTest {

    private static final String SESSION = "/v1/lightly-java/session";

    @TempDir Path dir;

    private static Response signIn(String base, String secret) {
        return Api.request("POST", base + SESSION, "{\"token\":\"" + secret + "\"}");
    }

    private static String cookie(Response signIn) {
        String header = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        return header.substring(0, header.indexOf(';'));
    }

    @Test
    void theLinkSignsInAsTheLocalUser_toTheDefaultDataFolder_untilTheCommandStops()
            throws Exception {
        String uploaded;
        try (LightlyServer embedded =
                LightlyServer.start(ServerSettings.builder().dataDir(dir).port(0).build())) {
            Api local = new Api(embedded.url(), embedded.issueToken(BrowseCommand.LOCAL_USER));
            uploaded = Fixtures.dataset(local, "uploaded without a server");
        }

        BrowseRun browsing = BrowseRun.start(dir);
        assertThat(browsing.err())
                .contains("serving " + dir, "as 'local'", "Ctrl-C")
                .doesNotContain(browsing.secret());
        Response signedIn = signIn(browsing.base(), browsing.secret());
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.json().get("user").asText()).isEqualTo("local");
        String cookie = cookie(signedIn);
        Response datasets =
                Api.request("GET", browsing.base() + "/v1/datasets", null, "Cookie", cookie);
        assertThat(datasets.status()).isEqualTo(200);
        assertThat(datasets.body()).contains(uploaded);
        for (Path file : Files.walk(dir).filter(Files::isRegularFile).toList()) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(content).as(file.toString()).doesNotContain(browsing.secret());
        }

        assertThat(browsing.stop()).isZero();
        assertThat(browsing.err()).contains("no longer works");

        try (LightlyServer again =
                LightlyServer.start(ServerSettings.builder().dataDir(dir).port(0).build())) {
            assertThat(signIn(again.url(), browsing.secret()).status()).isEqualTo(401);
            assertThat(
                            Api.request("GET", again.url() + "/v1/datasets", null, "Cookie", cookie)
                                    .status())
                    .as("a session opened with the link ends with it")
                    .isEqualTo(401);
            assertThat(Api.getUrl(again.url() + "/v1/datasets?token=" + browsing.secret()).status())
                    .isEqualTo(401);
        }
    }

    @Test
    void eachRunPrintsANewSecret_andAnotherUserOnlyWhenAsked() throws Exception {
        BrowseRun first =
                BrowseRun.start(
                        dir.resolve("elsewhere"), "--data-dir", dir.toString(), "--user", "alice");
        Response signedIn = signIn(first.base(), first.secret());
        assertThat(signedIn.json().get("user").asText()).isEqualTo("alice");
        assertThat(first.stop()).isZero();

        BrowseRun second = BrowseRun.start(dir);
        assertThat(second.secret()).isNotEqualTo(first.secret());
        assertThat(signIn(second.base(), first.secret()).status()).isEqualTo(401);
        assertThat(second.stop()).isZero();
    }

    @Test
    void aBadUserOrPort_isAUsageError() {
        StringWriter err = new StringWriter();
        CommandEnv env =
                new CommandEnv(
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(err),
                        Map.of(ServerSettings.DATA_DIR_ENV, dir.toString()),
                        StopSignal.manual());
        assertThat(ServerMain.run(env, "browse", "--user", "no spaces")).isEqualTo(2);
        assertThat(ServerMain.run(env, "browse", "--port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("user names are");
    }

    @Test
    void theSecretIsMaskedInLogLines() {
        String secret = "ab".repeat(32);
        assertThat(SecretLogFilter.mask("GET /#signin=" + secret + " HTTP/1.1"))
                .isEqualTo("GET /#signin=*** HTTP/1.1");
        assertThat(SecretLogFilter.mask("link: /#signin=short-secret-9"))
                .isEqualTo("link: /#signin=***");
    }
}
