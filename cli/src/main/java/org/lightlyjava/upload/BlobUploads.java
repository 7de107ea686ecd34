package org.lightlyjava.upload;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.lightlyjava.api.client.ApiException;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.dataset.ImageSource;
import org.lightlyjava.run.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PUTs thumbnails and original files to signed URLs on a pool of threads, with a bound on the
 * uploads in flight (and so on the thumbnail bytes held). A sample counts as done on the progress
 * bar when all its blobs have arrived; a sample whose blob fails after the client's retries is
 * reported by name and counted as failed. When a blob fails because the server cannot be reached at
 * all, no further upload is started: {@link #submit} and {@link #await} throw that failure, so a
 * server that is down stops the upload after one request's retries instead of each image's.
 */
final class BlobUploads implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BlobUploads.class);

    private final LightlyClient client;
    private final ImageSource source;
    private final Progress bar;
    private final ExecutorService pool;
    private final Semaphore inFlight;
    private final AtomicLong failed = new AtomicLong();
    private volatile ApiException unreachable;

    BlobUploads(LightlyClient client, ImageSource source, int threads, Progress bar) {
        this.client = client;
        this.source = source;
        this.bar = bar;
        AtomicInteger count = new AtomicInteger();
        this.pool =
                Executors.newFixedThreadPool(
                        threads,
                        runnable -> {
                            Thread thread = new Thread(runnable, "put-" + count.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        });
        this.inFlight = new Semaphore(4 * threads);
    }

    /** Uploads what {@code created} still needs; blocks while too many uploads are in flight. */
    void submit(Created created, byte[] thumbnail) {
        checkReachable();
        inFlight.acquireUninterruptibly();
        pool.execute(
                () -> {
                    try {
                        if (unreachable == null) {
                            upload(created, thumbnail);
                        } else {
                            failed.incrementAndGet();
                        }
                    } finally {
                        inFlight.release();
                    }
                });
    }

    private void upload(Created created, byte[] thumbnail) {
        String name = created.sample().fileName();
        try {
            if (created.thumbUrl() != null) {
                if (thumbnail == null) {
                    throw new IOException("no thumbnail was made");
                }
                client.put(created.thumbUrl(), thumbnail, "thumbnail of " + name);
            }
            if (created.fullUrl() != null) {
                client.put(created.fullUrl(), source.read(created.sample()), "image " + name);
            }
        } catch (ApiException e) {
            failed.incrementAndGet();
            if (e.isUnreachable()) {
                unreachable = e;
            } else {
                log.warn("Upload of {} failed: {}", name, e.getMessage());
            }
        } catch (IOException | RuntimeException e) {
            failed.incrementAndGet();
            log.warn("Upload of {} failed: {}", name, e.getMessage());
        } finally {
            bar.step(1);
        }
    }

    /** Throws the connection failure that stopped the uploads, if one did. */
    void checkReachable() {
        ApiException failure = unreachable;
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Waits for every submitted upload; returns how many samples failed.
     *
     * @throws ApiException when the server could not be reached
     */
    long await() {
        pool.shutdown();
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                log.debug("still uploading");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
        checkReachable();
        return failed.get();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
