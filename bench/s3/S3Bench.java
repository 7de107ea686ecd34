// Component timings for bench/s3/run.sh, run against the packaged lib/ folder:
//   java -cp "cli/target/lightly-java/lib/*" bench/s3/S3Bench.java list   S3_URI ENDPOINT
//   java -cp ... bench/s3/S3Bench.java stream INPUT ENDPOINT THREADS
//   java -cp ... bench/s3/S3Bench.java decode INPUT ENDPOINT THREADS
//   java -cp ... bench/s3/S3Bench.java proxy  LISTEN_PORT TARGET_PORT DELAY_MS
// INPUT is s3://bucket/prefix/ or a local folder. Credentials come from the AWS SDK's default
// chain (AWS_ACCESS_KEY_ID, ...). Each mode prints one line of key=value pairs.
//   list:   S3Source's listing (the second of two, so the SDK's start is not counted);
//   stream: every object's bytes through ImageSource.read on THREADS threads, in dataset order;
//   decode: lightly-embed's data side (Prefetcher + ImageLoader + resize to 64, no model) on
//           THREADS threads, with the peak live heap (in use after a garbage collection);
//   proxy:  forwards TCP to 127.0.0.1:TARGET_PORT, delaying each direction by DELAY_MS / 2, to
//           emulate the round trip to a remote S3.
// -Dlightly.s3.readahead=N sets S3Source's read-ahead (0: off).
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.Notification;
import javax.management.openmbean.CompositeData;
import org.lightlyjava.dataset.FolderSource;
import org.lightlyjava.dataset.ImageSource;
import org.lightlyjava.dataset.Sample;
import org.lightlyjava.image.ImageDecoder;
import org.lightlyjava.image.Resizer;
import org.lightlyjava.pipeline.ImageLoader;
import org.lightlyjava.pipeline.Loaded;
import org.lightlyjava.pipeline.Prefetcher;
import org.lightlyjava.s3.S3Source;

public class S3Bench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "list" -> list(args[1], args[2]);
            case "stream" -> stream(args[1], args[2], Integer.parseInt(args[3]));
            case "decode" -> decode(args[1], args[2], Integer.parseInt(args[3]));
            case "proxy" -> proxy(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    Long.parseLong(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** A local folder, or an S3 prefix. */
    static ImageSource open(String input, String endpoint) {
        return S3Source.isS3(input) ? S3Source.open(input, endpoint)
                : FolderSource.scan(Path.of(input));
    }

    static String readAhead() {
        return System.getProperty("lightly.s3.readahead", "default");
    }

    /** The second of two listings (the first one pays for the SDK's start). */
    static void list(String uri, String endpoint) {
        S3Source.open(uri, endpoint).close();
        long start = System.nanoTime();
        try (S3Source source = S3Source.open(uri, endpoint)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("list objects=%d seconds=%.2f objects_per_s=%.1f%n",
                    source.samples().size(), seconds, source.samples().size() / seconds);
        }
    }

    static void stream(String uri, String endpoint, int threads) throws Exception {
        long start = System.nanoTime();
        try (ImageSource source = open(uri, endpoint)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Integer>> reads = new ArrayList<>();
            for (Sample sample : source.samples()) {
                reads.add(pool.submit(() -> source.read(sample).length));
            }
            long bytes = 0;
            for (Future<Integer> read : reads) {
                bytes += read.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            int n = source.samples().size();
            System.out.printf("stream objects=%d mb=%.1f threads=%d read_ahead=%s seconds=%.2f"
                    + " objects_per_s=%.1f mb_per_s=%.1f%n", n, bytes / 1e6, threads, readAhead(),
                    seconds, n / seconds, bytes / 1e6 / seconds);
        }
    }

    /** The data side of lightly-embed, ordered results, window as in EmbedPipeline (batch 16). */
    static void decode(String uri, String endpoint, int threads) throws Exception {
        try (ImageSource source = open(uri, endpoint)) {
            List<Sample> samples = source.samples();
            ImageLoader loader = new ImageLoader(source, new ImageDecoder());
            for (int i = 0; i < Math.min(8, samples.size()); i++) {
                prepare(loader, samples.get(i)); // JIT warm-up
            }
            LiveHeap heap = new LiveHeap();
            long start = System.nanoTime();
            int done = 0;
            int window = Math.max(2 * 16, 4 * threads);
            try (Prefetcher<Sample, float[]> prepared = new Prefetcher<>(samples.iterator(),
                    sample -> prepare(loader, sample), threads, window, "decode")) {
                while (prepared.hasNext()) {
                    prepared.next();
                    done++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("decode images=%d threads=%d read_ahead=%s seconds=%.2f"
                    + " img_per_s=%.1f live_heap_mb=%d%n", done, threads, readAhead(), seconds,
                    done / seconds, heap.peak.get() >> 20);
        }
    }

    static float[] prepare(ImageLoader loader, Sample sample) {
        Loaded loaded = loader.load(sample);
        if (!loaded.ok()) {
            throw new IllegalStateException(sample.fileName() + ": " + loaded.error());
        }
        float[] tensor = new float[3 * 64 * 64];
        Resizer.toTensor(Resizer.resize(loaded.image().image(), 64, 64), Resizer.IMAGENET_MEAN,
                Resizer.IMAGENET_STD, tensor, 0);
        return tensor;
    }

    /** The largest heap in use right after a garbage collection: the peak of what was live. */
    static final class LiveHeap implements NotificationListener {
        final AtomicLong peak = new AtomicLong();
        private final Set<String> heapPools = new HashSet<>();

        LiveHeap() {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    heapPools.add(pool.getName());
                }
            }
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener(this, null, null);
            }
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                    notification.getType())) {
                return;
            }
            GcInfo info = GarbageCollectionNotificationInfo.from(
                    (CompositeData) notification.getUserData()).getGcInfo();
            long used = 0;
            for (Map.Entry<String, MemoryUsage> pool : info.getMemoryUsageAfterGc().entrySet()) {
                if (heapPools.contains(pool.getKey())) {
                    used += pool.getValue().getUsed();
                }
            }
            peak.accumulateAndGet(used, Math::max);
        }
    }

    /** TCP forwarder adding DELAY_MS / 2 each way, without limiting the bandwidth. */
    static void proxy(int listen, int target, long delayMs) throws IOException {
        long half = delayMs * 1_000_000 / 2;
        try (ServerSocket server = new ServerSocket(listen, 128, InetAddress.getLoopbackAddress())) {
            System.out.println("proxy listening=" + listen + " target=" + target + " delay_ms=" + delayMs);
            System.out.flush();
            while (true) {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                pump(client, upstream, half);
                pump(upstream, client, half);
            }
        }
    }

    private record Chunk(long due, byte[] bytes) {}

    private static void pump(Socket from, Socket to, long delayNanos) throws IOException {
        LinkedBlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    queue.put(new Chunk(System.nanoTime() + delayNanos,
                            java.util.Arrays.copyOf(buffer, n)));
                }
            } catch (IOException | InterruptedException e) {
                // connection closed
            }
            queue.add(new Chunk(System.nanoTime() + delayNanos, null));
        });
        Thread writer = new Thread(() -> {
            try {
                while (true) {
                    Chunk chunk = queue.take();
                    long wait = chunk.due() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    if (chunk.bytes() == null) {
                        to.shutdownOutput();
                        return;
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // connection closed
            } finally {
                try {
                    if (from.isClosed() || to.isOutputShutdown()) {
                        from.close();
                    }
                } catch (IOException ignored) {
                    // closing
                }
            }
        });
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }
}
