package org.lightlyjava.s3;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fetches the next objects of the dataset while earlier ones are decoded, once reads come in
 * dataset order (lightly-embed, lightly-magic's embedding pass): GETs are latency-bound, decoding
 * is CPU-bound, so the fetches run on their own {@code depth} threads and the decoding threads stay
 * one per core. Reads in another order (training's shuffled epochs) fetch only what they ask for:
 * nothing is fetched that is not likely to be read next.
 *
 * <p>Memory: at most {@code 3 * depth} encoded objects are held. Thread-safe.
 */
final class ReadAhead implements AutoCloseable {

    /** Reads in dataset order before fetching ahead starts. */
    static final int IN_ORDER_READS = 3;

    /** Gets the bytes of the object at a position of the dataset. */
    @FunctionalInterface
    interface Fetch {
        byte[] get(int position) throws IOException;
    }

    private final Fetch fetch;
    private final int size;
    private final int depth;
    private final ExecutorService pool;
    private final Map<Integer, Future<byte[]>> ahead = new HashMap<>();
    private int cursor = -1;
    private int scheduled = -1;
    private int inOrder;
    private boolean closed;

    /**
     * @param size the number of objects (positions {@code 0..size-1})
     * @param depth how many objects to fetch ahead of the furthest read, and on how many threads
     */
    ReadAhead(Fetch fetch, int size, int depth) {
        this.fetch = fetch;
        this.size = size;
        this.depth = depth;
        AtomicInteger count = new AtomicInteger();
        this.pool =
                Executors.newFixedThreadPool(
                        depth,
                        runnable -> {
                            Thread thread =
                                    new Thread(runnable, "s3-read-" + count.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    /** The bytes at {@code position}: fetched ahead, or fetched now. */
    byte[] read(int position) throws IOException {
        Future<byte[]> fetched;
        synchronized (this) {
            if (closed) {
                throw new IOException("the S3 source is closed");
            }
            fetched = ahead.remove(position);
            follow(position);
        }
        return fetched == null ? fetch.get(position) : await(fetched);
    }

    /** Objects fetched or being fetched that nobody has read yet. */
    synchronized int pending() {
        return ahead.size();
    }

    private void follow(int position) {
        // Reading threads overtake each other: a read up to 2 * depth behind the furthest one is
        // still in order.
        boolean near = cursor >= 0 && position >= cursor - 2 * depth && position <= cursor + depth;
        inOrder = near ? inOrder + 1 : 0;
        if (!near) {
            drop(Integer.MAX_VALUE);
            scheduled = position;
        }
        cursor = near ? Math.max(cursor, position) : position;
        drop(cursor - 2 * depth);
        if (inOrder >= IN_ORDER_READS) {
            int last = Math.min(size - 1, cursor + depth);
            for (int next = Math.max(scheduled, cursor) + 1; next <= last; next++) {
                int at = next;
                ahead.put(at, pool.submit(() -> fetch.get(at)));
            }
            scheduled = Math.max(scheduled, last);
        }
    }

    /** Cancels what was fetched ahead for positions below {@code limit}: they were passed over. */
    private void drop(int limit) {
        for (Iterator<Map.Entry<Integer, Future<byte[]>>> it = ahead.entrySet().iterator();
                it.hasNext(); ) {
            Map.Entry<Integer, Future<byte[]>> entry = it.next();
            if (entry.getKey() < limit) {
                entry.getValue().cancel(true);
                it.remove();
            }
        }
    }

    private static byte[] await(Future<byte[]> fetched) throws IOException {
        try {
            return fetched.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading from S3");
        } catch (CancellationException e) {
            throw new IOException("the S3 source was closed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            drop(Integer.MAX_VALUE);
        }
        pool.shutdownNow();
    }
}
