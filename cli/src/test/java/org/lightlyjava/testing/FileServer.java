package org.lightlyjava.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * A file server on loopback for download tests (a stand-in for Lightly's model zoo or a mirror):
 * serves byte arrays by path, honours {@code Range}, and misbehaves on request: HTTP errors,
 * connections cut midway, damaged bytes, stalls.
 */
public final class FileServer implements AutoCloseable {

    /** What the next requests get instead of a clean answer. */
    public enum Fault {
        /** HTTP 503. */
        ERROR,
        /** the full Content-Length announced, half the body sent, the connection closed */
        CUT,
        /** the right length with some bytes changed */
        DAMAGE,
        /** half the body, then nothing for a long time */
        STALL
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<Fault> faults = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean statesChecksums;

    public FileServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves {@code bytes} at {@code path} (for example {@code /zoo/file.pth}). */
    public FileServer put(String path, byte[] bytes) {
        files.put(path, bytes);
        return this;
    }

    /** Sends Google Cloud Storage's {@code x-goog-hash} headers (MD5, CRC32C) with every file. */
    public FileServer statingChecksums() {
        statesChecksums = true;
        return this;
    }

    /** Makes the next requests fail this way, one fault per request, in order. */
    public synchronized FileServer fail(Fault... next) {
        faults.addAll(List.of(next));
        return this;
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public int requests() {
        return requests.get();
    }

    /** One line per request: the path and its Range header, if any. */
    public synchronized List<String> log() {
        return List.copyOf(log);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        String range = exchange.getRequestHeaders().getFirst("Range");
        Fault fault;
        synchronized (this) {
            log.add(path + (range == null ? "" : " " + range));
            fault = faults.isEmpty() ? null : faults.remove(0);
        }
        try (exchange) {
            byte[] body = files.get(path);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (fault == Fault.ERROR) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            if (statesChecksums) {
                exchange.getResponseHeaders().add("x-goog-hash", "crc32c=" + crc32c(body));
                exchange.getResponseHeaders().add("x-goog-hash", "md5=" + md5(body));
            }
            int start = 0;
            Matcher m = range == null ? null : RANGE.matcher(range);
            if (m != null && m.matches()) {
                start = Integer.parseInt(m.group(1));
                if (start >= body.length) {
                    exchange.sendResponseHeaders(416, -1);
                    return;
                }
                exchange.getResponseHeaders()
                        .set(
                                "Content-Range",
                                "bytes " + start + "-" + (body.length - 1) + "/" + body.length);
            }
            int length = body.length - start;
            exchange.sendResponseHeaders(start > 0 ? 206 : 200, length);
            OutputStream out = exchange.getResponseBody();
            if (fault == Fault.CUT || fault == Fault.STALL) {
                out.write(body, start, length / 2);
                out.flush();
                if (fault == Fault.STALL) {
                    sleep(30_000);
                }
                return; // closing now leaves the announced length unmet
            }
            if (fault == Fault.DAMAGE) {
                byte[] damaged = body.clone();
                for (int i = start + length / 3;
                        i < start + length / 3 + 64 && i < damaged.length;
                        i++) {
                    damaged[i] ^= 0x5a;
                }
                out.write(damaged, start, length);
                return;
            }
            out.write(body, start, length);
        } catch (IOException e) {
            // the client went away: fine for a test server
        }
    }

    private static String md5(byte[] body) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String crc32c(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return Base64.getEncoder()
                .encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow(); // ends stalls
    }
}
