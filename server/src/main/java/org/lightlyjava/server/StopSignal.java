package org.lightlyjava.server;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tells {@code serve} when to stop. From {@link #onJvmShutdown()}, SIGINT and SIGTERM stop it, and
 * the JVM waits (up to 15 s) until the server closed, so requests in flight finish. The hook is
 * installed only once a server runs.
 */
final class StopSignal {

    private final boolean jvmHook;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    private StopSignal(boolean jvmHook) {
        this.jvmHook = jvmHook;
    }

    /** Stops when the JVM shuts down. */
    static StopSignal onJvmShutdown() {
        return new StopSignal(true);
    }

    /** Stops on {@link #requestStop()} only (tests). */
    static StopSignal manual() {
        return new StopSignal(false);
    }

    void requestStop() {
        stop.countDown();
    }

    /** Blocks until a stop is requested. */
    void awaitStop() throws InterruptedException {
        if (jvmHook) {
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(this::stopAndWait, "lightly-server-shutdown"));
        }
        stop.await();
    }

    /** The server has closed. */
    void markStopped() {
        stopped.countDown();
    }

    /** Blocks until the server closed (at most 15 s). */
    boolean awaitStopped() throws InterruptedException {
        return stopped.await(15, TimeUnit.SECONDS);
    }

    private void stopAndWait() {
        requestStop();
        try {
            awaitStopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
