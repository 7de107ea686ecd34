package org.lightlyjava.server.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.core.ApiClock;
import com.google.cloud.storage.HttpMethod;
import com.google.cloud.storage.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GCS read and write URLs against Google's V4 signing conformance cases (data in {@code
 * src/test/resources/gcs-v4-conformance}, with its source): the same signer the datasource uses,
 * with the published throwaway key and each case's time.
 */
class GcsSigningTest {

    private static final String DIR = "/gcs-v4-conformance/";
    private static final ObjectMapper JSON = new ObjectMapper();

    static String resource(String name) {
        try (InputStream in = GcsSigningTest.class.getResourceAsStream(DIR + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The cases of what the datasource signs: GET/PUT of an object, path style, default host. */
    static Stream<JsonNode> cases() throws IOException {
        List<JsonNode> cases = new ArrayList<>();
        for (JsonNode c : JSON.readTree(resource("v4_signatures.json")).get("signingV4Tests")) {
            String method = c.path("method").asText();
            boolean plain =
                    (method.equals("GET") || method.equals("PUT"))
                            && c.hasNonNull("object")
                            && !c.has("headers")
                            && !c.has("queryParameters")
                            && !c.has("urlStyle")
                            && !c.has("hostname")
                            && !c.has("clientEndpoint")
                            && !c.has("emulatorHostname")
                            && !c.has("universeDomain")
                            && c.path("scheme").asText("https").equals("https");
            if (plain) {
                cases.add(c);
            }
        }
        return cases.stream();
    }

    @Test
    void theCasesThatApply_areFound() throws IOException {
        assertThat(cases().map(c -> c.get("description").asText()))
                .contains("Simple GET", "Simple PUT", "Vary expiration and timestamp")
                .hasSizeGreaterThanOrEqualTo(4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void signedUrl_isTheConformanceCasesUrl(JsonNode c) {
        Instant at = Instant.parse(c.get("timestamp").asText());
        Storage storage =
                GcsDatasource.storage(
                        "dummy-project-id",
                        resource("test_service_account.not-a-test.json"),
                        Duration.ofSeconds(5),
                        null,
                        fixed(at));
        String url =
                GcsDatasource.signedUrl(
                        storage,
                        c.get("bucket").asText(),
                        c.get("object").asText(),
                        HttpMethod.valueOf(c.get("method").asText()),
                        Duration.ofSeconds(c.get("expiration").asLong()));
        assertThat(url).isEqualTo(c.get("expectedUrl").asText());
    }

    @Test
    void theThrowawayKey_passesTheCredentialsCheck() {
        GcsCredentials.check(resource("test_service_account.not-a-test.json"));
    }

    private static ApiClock fixed(Instant at) {
        return new ApiClock() {
            @Override
            public long nanoTime() {
                return TimeUnit.MILLISECONDS.toNanos(at.toEpochMilli());
            }

            @Override
            public long millisTime() {
                return at.toEpochMilli();
            }
        };
    }
}
