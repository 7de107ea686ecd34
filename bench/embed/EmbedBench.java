// Component timings for bench/embed/run.sh, run against the packaged lib/ folder:
//   java -cp "cli/target/lightly-java/lib/*" bench/embed/EmbedBench.java decode DIR THREADS
//   java -cp "cli/target/lightly-java/lib/*" bench/embed/EmbedBench.java forward SIZE BATCH SECONDS
// Prints one line "img_per_s=<rate>" (plus details) per run. Uses the same classes lightly-embed
// uses: FolderSource + ImageDecoder + Resizer for decoding, Embedders for the forward pass.
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import org.lightlyjava.config.Config;
import org.lightlyjava.dataset.FolderSource;
import org.lightlyjava.dataset.Sample;
import org.lightlyjava.image.ImageDecoder;
import org.lightlyjava.image.RgbImage;
import org.lightlyjava.image.Resizer;
import org.lightlyjava.model.Embedder;
import org.lightlyjava.model.Embedders;

public class EmbedBench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "decode" -> decode(Path.of(args[1]), Integer.parseInt(args[2]), 64);
            case "forward" -> forward(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    Double.parseDouble(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** Read + decode + resize + normalise, on THREADS threads, no model: the data side alone. */
    static void decode(Path dir, int threads, int size) throws Exception {
        FolderSource source = FolderSource.scan(dir);
        List<Sample> samples = source.samples();
        ImageDecoder decoder = new ImageDecoder();
        // warm up the JIT on a few images
        for (int i = 0; i < Math.min(8, samples.size()); i++) {
            prepare(source, decoder, samples.get(i), size);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (Sample sample : samples) {
            futures.add(pool.submit(() -> prepare(source, decoder, sample, size)));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        System.out.printf("decode images=%d threads=%d seconds=%.2f img_per_s=%.1f%n",
                samples.size(), threads, seconds, samples.size() / seconds);
    }

    static float[] prepare(FolderSource source, ImageDecoder decoder, Sample sample, int size) {
        try {
            RgbImage image = decoder.decode(source.read(sample)).image();
            float[] tensor = new float[3 * size * size];
            Resizer.toTensor(Resizer.resize(image, size, size), Resizer.IMAGENET_MEAN,
                    Resizer.IMAGENET_STD, tensor, 0);
            return tensor;
        } catch (Exception e) {
            throw new RuntimeException(sample.fileName() + ": " + e.getMessage(), e);
        }
    }

    /** The forward pass of Lightly's default backbone (resnet-18, num_ftrs 32) on random input. */
    static void forward(int size, int batch, double seconds) {
        Config config = Config.defaults(Path.of("")).with("pre_trained", "False")
                .with("collate.input_size", Integer.toString(size));
        float[] images = new float[batch * 3 * size * size];
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextGaussian();
        }
        try (Embedder embedder = Embedders.open(config, null, "checkpoint")) {
            for (int i = 0; i < 3; i++) {
                embedder.embed(images, batch, size);
            }
            long start = System.nanoTime();
            long done = 0;
            while (System.nanoTime() - start < seconds * 1e9) {
                embedder.embed(images, batch, size);
                done += batch;
            }
            double took = (System.nanoTime() - start) / 1e9;
            System.out.printf("forward size=%d batch=%d images=%d seconds=%.2f img_per_s=%.1f%n",
                    size, batch, done, took, done / took);
        }
    }
}
