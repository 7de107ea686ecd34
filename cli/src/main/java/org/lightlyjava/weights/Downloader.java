package org.lightlyjava.weights;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lightlyjava.run.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads one URL into a partial file: retries with backoff on connection errors, 5xx and 429;
 * continues where an interrupted attempt stopped when the server honours {@code Range}; gives up on
 * a stalled transfer and resumes it; checks the length against {@code Content-Length}.
 */
final class Downloader {

    private static final Logger log = LoggerFactory.getLogger(Downloader.class);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    /** A download that cannot succeed by trying again (404, 403, ...). */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private final HttpClient http;
    private final Progress.Factory progress;
    private final int attempts;
    private final Duration stall;
    private final Duration backoff;

    /**
     * @param attempts tries in all
     * @param stall how long a transfer may receive nothing before it is abandoned and resumed
     * @param backoff the wait after the first failure, doubled after each further one
     */
    Downloader(
            HttpClient http,
            Progress.Factory progress,
            int attempts,
            Duration stall,
            Duration backoff) {
        this.http = http;
        this.progress = progress;
        this.attempts = attempts;
        this.stall = stall;
        this.backoff = backoff;
    }

    /**
     * Fetches {@code url} into {@code partial}, keeping bytes an earlier attempt got.
     *
     * @return the checksums the server stated for the whole file
     */
    Digests fetch(URI url, Path partial, String label) throws IOException {
        IOException last = null;
        Digests stated = Digests.NONE;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return once(url, partial, label).or(stated);
            } catch (Refused e) {
                throw e;
            } catch (IOException e) {
                last = e;
                if (attempt < attempts) {
                    long wait = backoff.toMillis() << (attempt - 1);
                    log.warn(
                            "download of {} failed ({}); trying again in {} s ({} of {})",
                            label,
                            Failures.reason(e),
                            String.format("%.1f", wait / 1000.0),
                            attempt + 1,
                            attempts);
                    sleep(wait);
                }
            }
        }
        throw last;
    }

    private Digests once(URI url, Path partial, String label) throws IOException {
        long have = Files.exists(partial) ? Files.size(partial) : 0;
        HttpRequest.Builder request =
                HttpRequest.newBuilder(url).timeout(stall.plusSeconds(30)).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            long start = start(response, have);
            if (status == 416) {
                Files.deleteIfExists(partial); // what we had does not fit the file any more
                throw new IOException("the server refused to resume; starting over");
            }
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                throw new Refused("HTTP " + status + " for " + url);
            }
            if (status != 200 && status != 206) {
                throw new IOException("HTTP " + status);
            }
            OptionalLong length = response.headers().firstValueAsLong("Content-Length");
            long total = length.isPresent() ? start + length.getAsLong() : -1;
            receive(body, partial, start, total, label);
            return Digests.of(response.headers(), status == 200);
        }
    }

    /** Where the body starts: after what we have on a 206, at 0 otherwise. */
    private static long start(HttpResponse<?> response, long have) throws IOException {
        if (response.statusCode() != 206) {
            return 0;
        }
        String range = response.headers().firstValue("Content-Range").orElse("");
        Matcher m = CONTENT_RANGE.matcher(range);
        if (!m.matches() || Long.parseLong(m.group(1)) != have) {
            throw new IOException("the server resumed at the wrong place (" + range + ")");
        }
        return have;
    }

    private void receive(InputStream body, Path partial, long start, long total, String label)
            throws IOException {
        AtomicLong lastProgress = new AtomicLong(System.nanoTime());
        ScheduledExecutorService watchdog =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "download-watchdog");
                            t.setDaemon(true);
                            return t;
                        });
        AtomicBoolean stalled = new AtomicBoolean();
        watchdog.scheduleAtFixedRate(
                () -> {
                    if (System.nanoTime() - lastProgress.get() > stall.toNanos()) {
                        stalled.set(true);
                        try {
                            body.close(); // makes the blocked read fail
                        } catch (IOException ignored) {
                            // closing is all we can do
                        }
                    }
                },
                200,
                200,
                TimeUnit.MILLISECONDS);
        long received = start;
        try (FileChannel out =
                        FileChannel.open(
                                partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                Progress bar = progress.start(label, total < 0 ? -1 : total / 1024, "kB")) {
            out.truncate(start);
            out.position(start);
            bar.step(start / 1024);
            byte[] buffer = new byte[1 << 16];
            long reported = start / 1024;
            int n;
            while ((n = body.read(buffer)) >= 0) {
                out.write(ByteBuffer.wrap(buffer, 0, n));
                received += n;
                lastProgress.set(System.nanoTime());
                bar.step(received / 1024 - reported);
                reported = received / 1024;
            }
            out.force(true);
        } catch (IOException e) {
            throw stalled.get() ? new IOException("no data for " + stall.toSeconds() + " s", e) : e;
        } finally {
            watchdog.shutdownNow();
        }
        if (total >= 0 && received != total) {
            throw new IOException(
                    "the connection ended after " + received + " of " + total + " bytes");
        }
    }

    private static void sleep(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }
}
