// Selection benchmarks for bench/select/run.sh, against the packaged server jars:
//   java -Xmx... -cp "server/target/lightly-server/lib/*" bench/select/SelectBench.java CASE ARGS
// Cases (one per JVM, so the peak RSS printed is the case's own):
//   coreset ROWS DIM COUNT        k-center greedy choosing COUNT of ROWS random (Gaussian) rows
//   duplicates ROWS DIM DISTANCE  near-duplicate groups in ROWS uniform random rows, 2% of them
//                                 planted as noisy copies (some copies of copies: chains)
//   server ROWS DIM COUNT DISTANCE the same through a lightly-server in this JVM: samples and the
//                                 embeddings CSV uploaded over HTTP, then the sampling job and
//                                 the duplicates job timed as the server records them (createdAt
//                                 to finishedAt: loading the CSV, the algorithm, the new tag)
// Prints one line "case=... seconds=... rss_mb=... ..." per measurement (rss_mb: the JVM's peak
// resident memory so far, VmHWM).
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.client.RetryPolicy;
import org.lightlyjava.api.model.DatasetCreateRequest;
import org.lightlyjava.api.model.DuplicatesRequest;
import org.lightlyjava.api.model.InitialTagCreateRequest;
import org.lightlyjava.api.model.JobStatusData;
import org.lightlyjava.api.model.SampleBatchRequest;
import org.lightlyjava.api.model.SampleCreateRequest;
import org.lightlyjava.api.model.SamplingCreateRequest;
import org.lightlyjava.server.LightlyServer;
import org.lightlyjava.server.ServerSettings;
import org.lightlyjava.server.selection.KCenterGreedy;
import org.lightlyjava.server.selection.NearDuplicates;
import org.lightlyjava.server.selection.Vectors;

public class SelectBench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "coreset" -> coreset(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    Integer.parseInt(args[3]));
            case "duplicates" -> duplicates(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    Double.parseDouble(args[3]));
            case "server" -> server(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    Integer.parseInt(args[3]), Double.parseDouble(args[4]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void coreset(int rows, int dim, int count) {
        Vectors v = gaussian(rows, dim, 1);
        long start = System.nanoTime();
        int[] picks = KCenterGreedy.select(v, Vectors.empty(dim), count, -1);
        report("coreset", start, "rows=%d dim=%d chosen=%d", rows, dim, picks.length);
    }

    static void duplicates(int rows, int dim, double distance) {
        Vectors v = planted(rows, dim, 2);
        long start = System.nanoTime();
        List<int[]> groups = NearDuplicates.groups(v, distance);
        int members = groups.stream().mapToInt(g -> g.length).sum();
        report("duplicates", start, "rows=%d dim=%d max_distance=%s groups=%d in_groups=%d",
                rows, dim, distance, groups.size(), members);
    }

    static void server(int rows, int dim, int count, double distance) throws Exception {
        Path data = Files.createTempDirectory("select-bench");
        // 1M rows of 32 values make a CSV of about 365 MB, within the default blob limit (1 GiB)
        ServerSettings settings = ServerSettings.builder().dataDir(data).port(0).build();
        try (LightlyServer server = LightlyServer.start(settings)) {
            LightlyClient client = new LightlyClient(URI.create(server.url()),
                    server.issueToken("bench"), RetryPolicy.LIGHTLY, "select-bench");
            long start = System.nanoTime();
            String ds = client.createDataset(DatasetCreateRequest.images("select bench", "USER_PIP"));
            for (int from = 0; from < rows; from += SampleBatchRequest.MAX_SAMPLES) {
                List<SampleCreateRequest> batch = new ArrayList<>();
                for (int i = from; i < Math.min(rows, from + SampleBatchRequest.MAX_SAMPLES); i++) {
                    batch.add(new SampleCreateRequest(name(i), null, null, null, null));
                }
                client.createSamples(ds, new SampleBatchRequest(batch, "none"));
            }
            client.createInitialTag(ds, new InitialTagCreateRequest("initial-tag", "USER_PIP", "meta", null));
            String embeddingId = uploadCsv(client, ds, planted(rows, dim, 3), data);
            report("server upload", start, "rows=%d dim=%d (samples, tag, CSV checked and PCA)", rows, dim);

            String job = client.startSampling(ds, embeddingId,
                    SamplingCreateRequest.of("coreset " + count, "CORESET", count, -1));
            reportJob("server coreset job", client.waitForJob(job, Duration.ofHours(1)),
                    "rows=%d chosen=%d", rows, count);

            job = client.startDuplicates(ds, embeddingId, new DuplicatesRequest(distance, null, null));
            JobStatusData done = client.waitForJob(job, Duration.ofHours(1));
            int groups = client.duplicates(ds, embeddingId, job).groups().size();
            reportJob("server duplicates job", done, "rows=%d max_distance=%s groups=%d", rows,
                    distance, groups);
        } finally {
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String uploadCsv(LightlyClient client, String ds, Vectors v, Path dir)
            throws Exception {
        Path csv = dir.resolve("embeddings.csv");
        try (var out = org.lightlyjava.api.embeddings.EmbeddingsCsvWriter.create(csv, v.dim())) {
            for (int i = 0; i < v.rows(); i++) {
                out.write(name(i), v.row(i), 0);
            }
        }
        var url = client.embeddingWriteUrl(ds, "default");
        client.put(url.signedWriteUrl(), Files.readAllBytes(csv), "embeddings.csv");
        return url.embeddingId();
    }

    /** The job's time as the server recorded it: from the POST until the tag was stored. */
    private static void reportJob(String name, JobStatusData job, String format, Object... args) {
        if (!job.status().equals("FINISHED")) {
            throw new IllegalStateException("job " + job.id() + " " + job.status() + ": " + job.error());
        }
        long start = System.nanoTime() - (job.finishedAt() - job.createdAt()) * 1_000_000;
        report(name, start, format, args);
    }

    private static String name(int i) {
        return String.format("c%04d/img_%07d.jpg", i / 1000, i);
    }

    static Vectors gaussian(int rows, int dim, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[rows * dim];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) gauss(random);
        }
        return new Vectors(rows, dim, values);
    }

    /** Uniform in [0, 1)^dim; every 50th row a copy of an earlier row plus noise of 0.002. */
    static Vectors planted(int rows, int dim, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[rows * dim];
        for (int i = 0; i < rows; i++) {
            int source = i > 0 && i % 50 == 0 ? random.nextInt(i) : -1;
            for (int d = 0; d < dim; d++) {
                values[i * dim + d] = source < 0 ? (float) random.nextDouble()
                        : values[source * dim + d] + (float) (gauss(random) * 0.002);
            }
        }
        return new Vectors(rows, dim, values);
    }

    private static double gauss(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static void report(String name, long start, String format, Object... args) {
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "case=%s seconds=%.2f rss_mb=%d %s%n", name.replace(' ', '_'),
                seconds, peakRssMb(), String.format(Locale.ROOT, format, args));
    }

    private static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (java.io.IOException e) {
            // not Linux
        }
        return -1;
    }
}
