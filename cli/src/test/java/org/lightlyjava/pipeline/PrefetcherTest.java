package org.lightlyjava.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PrefetcherTest {

    @Test
    void results_comeBackInItemOrder_evenWhenWorkersFinishOutOfOrder() {
        List<Integer> items = IntStream.range(0, 200).boxed().toList();
        List<Integer> out = new ArrayList<>();
        try (Prefetcher<Integer, Integer> p =
                new Prefetcher<>(
                        items.iterator(),
                        i -> {
                            sleep(ThreadLocalRandom.current().nextInt(3));
                            return i * 2;
                        },
                        4,
                        16,
                        "test")) {
            p.forEachRemaining(out::add);
        }
        assertThat(out).isEqualTo(items.stream().map(i -> i * 2).toList());
    }

    @Test
    void workers_neverRunMoreThanTheWindowAhead() {
        AtomicInteger started = new AtomicInteger();
        try (Prefetcher<Integer, Integer> p =
                new Prefetcher<>(
                        IntStream.range(0, 1000).iterator(),
                        i -> {
                            started.incrementAndGet();
                            return i;
                        },
                        2,
                        8,
                        "test")) {
            for (int consumed = 1; consumed <= 20; consumed++) {
                p.next();
                assertThat(started.get()).isLessThanOrEqualTo(consumed + 8);
            }
        }
    }

    @Test
    void anEscapingException_reachesTheConsumer() {
        try (Prefetcher<Integer, Integer> p =
                new Prefetcher<>(
                        List.of(1, 2).iterator(),
                        i -> {
                            throw new IllegalStateException("boom " + i);
                        },
                        1,
                        2,
                        "test")) {
            assertThatThrownBy(p::next).hasMessage("boom 1");
        }
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
