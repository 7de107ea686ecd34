package org.lightlyjava.api.client;

import java.time.Duration;

/**
 * When to try a call again: on 429, on 5xx and when the connection fails, up to {@code attempts}
 * tries in all, waiting {@code firstDelay}, then twice as long each time up to {@code maxDelay}
 * (Lightly's client: 5 tries, 1 s doubling to 16 s).
 */
public record RetryPolicy(int attempts, Duration firstDelay, Duration maxDelay) {

    public static final RetryPolicy LIGHTLY =
            new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(16));

    /**
     * {@link #LIGHTLY}, unless the system properties {@code lightly.retries} (tries in all) or
     * {@code lightly.retry.delay.ms} (first wait) say otherwise, for example {@code
     * JAVA_OPTS="-Dlightly.retries=10"} on a flaky network.
     */
    public static RetryPolicy configured() {
        int attempts = Integer.getInteger("lightly.retries", LIGHTLY.attempts());
        long first = Long.getLong("lightly.retry.delay.ms", LIGHTLY.firstDelay().toMillis());
        long max = Math.max(first, Math.min(LIGHTLY.maxDelay().toMillis(), first * 16));
        return new RetryPolicy(attempts, Duration.ofMillis(first), Duration.ofMillis(max));
    }

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /** Whether an answer with this status should be tried again. */
    public static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    /** The wait before try number {@code attempt} (2 for the first retry). */
    public Duration delayBefore(int attempt) {
        long millis = firstDelay.toMillis() << Math.min(30, Math.max(0, attempt - 2));
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }
}
