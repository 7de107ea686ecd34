package org.lightlyjava.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A reverse proxy in front of a real server that fails a share of requests the ways networks and
 * overloaded servers do: 500, 503 or 429 without passing the request on, a dropped connection, and
 * the nastiest kind, a 500 or a dropped connection AFTER the server has done the work (the client
 * must then retry something that already happened). Deterministic for a seed. It can also break for
 * good, as a server that stops does: every blob PUT (to a signed URL) after the first few meets one
 * fault until {@link #heal}.
 */
public final class FaultyProxy implements AutoCloseable {

    /** What can go wrong with one request. */
    public enum Fault {
        NONE,
        STATUS_500,
        STATUS_503,
        STATUS_429,
        RESET,
        DONE_THEN_500,
        DONE_THEN_RESET
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private final SplittableRandom random;
    private final Map<Fault, AtomicLong> counts = new ConcurrentHashMap<>();
    private static final String BLOB_PUT = "blob PUT";

    private final Map<String, AtomicLong> methods = new ConcurrentHashMap<>();
    private volatile URI target;
    private volatile double failureRate;
    private volatile long putsBeforeBreak = Long.MAX_VALUE;
    private volatile Fault broken = Fault.NONE;

    public FaultyProxy(double failureRate, long seed) throws IOException {
        this.failureRate = failureRate;
        this.random = new SplittableRandom(seed);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Where requests go; set once the server behind is up. */
    public void target(URI target) {
        this.target = target;
    }

    public void failureRate(double rate) {
        this.failureRate = rate;
    }

    /** How many requests met each fault so far. */
    public long count(Fault fault) {
        return counts.getOrDefault(fault, new AtomicLong()).get();
    }

    public long faults() {
        long total = 0;
        for (Map.Entry<Fault, AtomicLong> e : counts.entrySet()) {
            if (e.getKey() != Fault.NONE) {
                total += e.getValue().get();
            }
        }
        return total;
    }

    /** From the {@code puts + 1}-th blob PUT on, every blob PUT meets {@code fault}. */
    public void breakPutsAfter(long puts, Fault fault) {
        methods.computeIfAbsent(BLOB_PUT, k -> new AtomicLong()).set(0);
        this.broken = fault;
        this.putsBeforeBreak = puts;
    }

    /** Ends {@link #breakPutsAfter}. */
    public void heal() {
        this.putsBeforeBreak = Long.MAX_VALUE;
    }

    /** How many blob PUTs arrived since {@link #breakPutsAfter} was called. */
    public long blobPuts() {
        return methods.getOrDefault(BLOB_PUT, new AtomicLong()).get();
    }

    private Fault draw(HttpExchange exchange) {
        if (exchange.getRequestMethod().equals("PUT")
                && exchange.getRequestURI().getPath().startsWith("/v1/blobs/")) {
            long seen = methods.computeIfAbsent(BLOB_PUT, k -> new AtomicLong()).incrementAndGet();
            if (seen > putsBeforeBreak) {
                return broken;
            }
        }
        return draw();
    }

    private Fault draw() {
        synchronized (random) {
            if (random.nextDouble() >= failureRate) {
                return Fault.NONE;
            }
            Fault[] kinds = Fault.values();
            return kinds[1 + random.nextInt(kinds.length - 1)];
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        Fault fault = draw(exchange);
        counts.computeIfAbsent(fault, k -> new AtomicLong()).incrementAndGet();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        try {
            switch (fault) {
                case STATUS_500 -> reply(exchange, 500, new byte[0], null, null);
                case STATUS_503 -> reply(exchange, 503, new byte[0], null, null);
                case STATUS_429 -> reply(exchange, 429, new byte[0], null, null);
                case RESET -> exchange.close();
                case DONE_THEN_500 -> {
                    forward(exchange, body);
                    reply(exchange, 500, new byte[0], null, null);
                }
                case DONE_THEN_RESET -> {
                    forward(exchange, body);
                    exchange.close();
                }
                case NONE -> {
                    HttpResponse<byte[]> response = forward(exchange, body);
                    reply(
                            exchange,
                            response.statusCode(),
                            response.body(),
                            response.headers().firstValue("Content-Type").orElse(null),
                            response.headers().firstValue("Location").orElse(null));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        } finally {
            exchange.close();
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body)
            throws IOException, InterruptedException {
        URI uri = URI.create(target + exchange.getRequestURI().toString());
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(60))
                        .method(
                                exchange.getRequestMethod(),
                                body.length == 0
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofByteArray(body));
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null) {
            request.header("Content-Type", type);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void reply(
            HttpExchange exchange, int status, byte[] body, String type, String location)
            throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        if (location != null) {
            exchange.getResponseHeaders().set("Location", location);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
