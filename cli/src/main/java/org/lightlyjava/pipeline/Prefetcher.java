package org.lightlyjava.pipeline;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs {@code work} over {@code items} on worker threads, at most {@code window} items ahead of the
 * consumer, and hands the results back in item order. Memory is bounded by the window, not by the
 * number of items; workers keep going while the consumer is busy (for example in the forward pass).
 *
 * <p>{@code work} should not throw: return failures as values. An exception that escapes anyway is
 * rethrown to the consumer.
 */
public final class Prefetcher<T, R> implements Iterator<R>, AutoCloseable {

    private final Iterator<T> items;
    private final Function<T, R> work;
    private final int window;
    private final ExecutorService pool;
    private final ArrayDeque<Future<R>> pending = new ArrayDeque<>();

    public Prefetcher(
            Iterator<T> items, Function<T, R> work, int threads, int window, String name) {
        if (threads < 1 || window < 1) {
            throw new IllegalArgumentException("threads and window must be positive");
        }
        this.items = items;
        this.work = work;
        this.window = window;
        AtomicInteger count = new AtomicInteger();
        this.pool =
                Executors.newFixedThreadPool(
                        threads,
                        runnable -> {
                            Thread thread =
                                    new Thread(runnable, name + "-" + count.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        });
        fill();
    }

    @Override
    public boolean hasNext() {
        return !pending.isEmpty();
    }

    @Override
    public R next() {
        Future<R> head = pending.poll();
        if (head == null) {
            throw new NoSuchElementException();
        }
        fill();
        try {
            return head.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private void fill() {
        while (pending.size() < window && items.hasNext()) {
            T item = items.next();
            pending.add(pool.submit(() -> work.apply(item)));
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
