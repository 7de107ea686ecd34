package org.lightlyjava.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The client's transport rules (retries, backoff, error bodies, token placement) against a tiny
 * scripted HTTP endpoint; the API itself is tested against the real lightly-server elsewhere.
 */
class LightlyClientRetryTest {

    private static final RetryPolicy FAST =
            new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(20));

    private HttpServer server;
    private final Deque<int[]> script =
            new ArrayDeque<>(); // {status} or {-1} to drop the connection
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private LightlyClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        client = new LightlyClient(base, "secret-token", FAST, "test");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        int[] next = script.isEmpty() ? new int[] {200} : script.poll();
        if (next[0] < 0) {
            exchange.close(); // no answer at all: the client sees the connection end
            return;
        }
        byte[] body =
                next[0] == 200
                        ? "\"25000\"".getBytes(StandardCharsets.UTF_8)
                        : "{\"code\":\"BAD_REQUEST\",\"message\":\"nope\"}"
                                .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(next[0], body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Test
    void retries_on429_5xx_andDroppedConnections_thenSucceeds() {
        script.add(new int[] {503});
        script.add(new int[] {-1});
        script.add(new int[] {429});
        assertThat(client.quota()).isEqualTo(25000);
        assertThat(seen).hasSize(4).allMatch(s -> s.equals("GET /v1/quota?token=secret-token"));
    }

    @Test
    void retries_areLoggedAtWarn_withoutTheToken() {
        Logger transportLog = (Logger) LoggerFactory.getLogger(Transport.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        transportLog.addAppender(logs);
        transportLog.setLevel(Level.WARN);
        try {
            script.add(new int[] {503});
            script.add(new int[] {429});
            client.quota();
        } finally {
            transportLog.detachAppender(logs);
            transportLog.setLevel(null);
        }
        assertThat(logs.list).hasSize(2).allMatch(e -> e.getLevel() == Level.WARN);
        assertThat(logs.list.get(0).getFormattedMessage())
                .isEqualTo("GET /v1/quota failed (503); try 2 of 4 in 5 ms");
        assertThat(logs.list.get(1).getFormattedMessage())
                .isEqualTo("GET /v1/quota failed (429); try 3 of 4 in 10 ms");
    }

    @Test
    void aClosedPort_isUnreachable() throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LightlyClient closed =
                new LightlyClient(URI.create("http://127.0.0.1:" + port), "t", FAST, "test");
        assertThatThrownBy(closed::quota)
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> {
                            assertThat(e.isUnreachable()).isTrue();
                            assertThat(e.getMessage()).contains("cannot connect");
                        });
    }

    @Test
    void givesUp_afterTheLastTry_withAClearMessage() {
        for (int i = 0; i < 4; i++) {
            script.add(new int[] {500});
        }
        assertThatThrownBy(() -> client.quota())
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("Maximum retries exceeded after 4 tries")
                .hasMessageContaining("GET /v1/quota")
                .hasMessageNotContaining("secret-token");
        assertThat(seen).hasSize(4);
    }

    @Test
    void doesNotRetry_clientErrors_andReadsLightlysErrorBody() {
        script.add(new int[] {400});
        assertThatThrownBy(() -> client.quota())
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(400);
                            assertThat(e.code()).isEqualTo("BAD_REQUEST");
                            assertThat(e.getMessage()).contains("nope");
                        });
        assertThat(seen).hasSize(1);
    }

    @Test
    void signedUrls_getNoToken() {
        client.put(
                "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/blobs/x?signature=s",
                new byte[] {1, 2},
                "thumbnail");
        assertThat(seen).containsExactly("PUT /v1/blobs/x?signature=s");
    }

    @Test
    void info_ofAServerWithoutExtensions_isNull() {
        script.add(new int[] {404});
        assertThat(client.info()).isNull();
    }
}
