package org.lightlyjava.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    /** A slow store that counts its GETs and the most at once. */
    private static final class Store implements ReadAhead.Fetch {
        final AtomicInteger gets = new AtomicInteger();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        int failing = -1;

        @Override
        public byte[] get(int position) throws IOException {
            gets.incrementAndGet();
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException();
            } finally {
                running.decrementAndGet();
            }
            if (position == failing) {
                throw new IOException("object " + position + " is broken");
            }
            return ByteBuffer.allocate(4).putInt(position).array();
        }
    }

    private static int value(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getInt();
    }

    @Test
    void read_inOrderFromSeveralThreads_fetchesAheadConcurrently_andEachObjectOnce()
            throws Exception {
        Store store = new Store();
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try (ReadAhead ahead = new ReadAhead(store, 400, 16)) {
            List<Future<byte[]>> reads = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int position = i;
                reads.add(readers.submit(() -> ahead.read(position)));
            }
            for (int i = 0; i < 400; i++) {
                assertThat(value(reads.get(i).get())).isEqualTo(i);
            }
            assertThat(store.gets.get()).isBetween(400, 404);
            assertThat(store.mostAtOnce.get()).isGreaterThan(8);
            assertThat(ahead.pending()).isZero();
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void read_inShuffledOrder_fetchesOnlyWhatIsRead() throws IOException {
        Store store = new Store();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(7));
        try (ReadAhead ahead = new ReadAhead(store, 1000, 8)) {
            for (int position : order.subList(0, 300)) {
                assertThat(value(ahead.read(position))).isEqualTo(position);
            }
            assertThat(store.gets.get()).isEqualTo(300);
            assertThat(ahead.pending()).isZero();
        }
    }

    @Test
    void read_skippingObjects_holdsAtMostThreeTimesTheDepth() throws IOException {
        Store store = new Store();
        try (ReadAhead ahead = new ReadAhead(store, 2000, 8)) {
            for (int position = 0; position < 2000; position += 3) {
                assertThat(value(ahead.read(position))).isEqualTo(position);
                assertThat(ahead.pending()).isLessThanOrEqualTo(3 * 8);
            }
        }
    }

    @Test
    void read_ofABrokenObject_failsThatReadOnly() throws IOException {
        Store store = new Store();
        store.failing = 20;
        try (ReadAhead ahead = new ReadAhead(store, 40, 8)) {
            for (int position = 0; position < 40; position++) {
                if (position == 20) {
                    int at = position;
                    assertThatThrownBy(() -> ahead.read(at))
                            .isInstanceOf(IOException.class)
                            .hasMessage("object 20 is broken");
                } else {
                    assertThat(value(ahead.read(position))).isEqualTo(position);
                }
            }
        }
    }

    @Test
    void read_afterClose_fails() throws IOException {
        ReadAhead ahead = new ReadAhead(new Store(), 100, 8);
        for (int position = 0; position < 10; position++) {
            ahead.read(position);
        }
        ahead.close();
        assertThat(ahead.pending()).isZero();
        assertThatThrownBy(() -> ahead.read(10)).hasMessageContaining("closed");
    }
}
