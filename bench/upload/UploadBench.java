// Upload throughput for bench/upload/run.sh, against a running lightly-server:
//   java -cp "cli/target/lightly-java/lib/*" bench/upload/UploadBench.java URL TOKEN WORK_DIR \
//        MODE(metadata|thumbnails) PROTOCOL(batch|per-sample) COUNT
// Runs the upload stage of lightly-magic (UploadWorkflow.afterEmbedding) on COUNT synthetic
// samples whose metadata, thumbnails and embeddings were "computed" already, as magic's embedding
// pass leaves them in the run folder, so only the upload itself is measured. Prints one line.
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lightlyjava.config.Config;
import org.lightlyjava.dataset.ImageSource;
import org.lightlyjava.dataset.Sample;
import org.lightlyjava.image.RgbImage;
import org.lightlyjava.image.Thumbnails;
import org.lightlyjava.run.Progress;
import org.lightlyjava.run.RunContext;
import org.lightlyjava.upload.UploadWorkflow;

public class UploadBench {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String token = args[1];
        Path work = Path.of(args[2]);
        String mode = args[3];
        String protocol = args[4];
        int count = Integer.parseInt(args[5]);
        Path run = work.resolve(mode + "-" + protocol + "-" + count);
        Files.createDirectories(run);
        List<Sample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            samples.add(new Sample(String.format("c%03d/img_%06d.jpg", i / 1000, i), i % 10));
        }
        writeRunFolder(run, samples, mode.equals("thumbnails"));
        System.setProperty("lightly.upload.batch", Boolean.toString(protocol.equals("batch")));
        Config config = Config.defaults(run)
                .with("server_location", url).with("token", token).with("upload", mode)
                .with("new_dataset_name", "bench " + mode + " " + protocol + " " + count + " "
                        + System.currentTimeMillis());
        RunContext ctx = new RunContext(config, run, Progress.Factory.SILENT,
                new PrintWriter(new StringWriter()), System.getenv());
        long start = System.nanoTime();
        UploadWorkflow.afterEmbedding(ctx, new UploadWorkflow.Embedded(source(samples), samples,
                run.resolve("metadata.jsonl"), run.resolve("thumbnails"), run.resolve("embeddings.csv"), 0),
                "bench");
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "upload mode=%s protocol=%s samples=%d seconds=%.2f samples_per_s=%.0f%n",
                mode, protocol, count, seconds, count / seconds);
    }

    /** What lightly-magic's embedding pass writes: metadata.jsonl, thumbnails/, embeddings.csv. */
    static void writeRunFolder(Path run, List<Sample> samples, boolean thumbnails) throws Exception {
        byte[] thumb = Thumbnails.webp(pattern());
        try (BufferedWriter meta = Files.newBufferedWriter(run.resolve("metadata.jsonl"));
                BufferedWriter csv = Files.newBufferedWriter(run.resolve("embeddings.csv"))) {
            csv.write("filenames");
            for (int d = 0; d < 32; d++) {
                csv.write(",embedding_" + d);
            }
            csv.write(",labels\r\n");
            for (int i = 0; i < samples.size(); i++) {
                String name = samples.get(i).fileName();
                meta.write(String.format(Locale.ROOT, "{\"fileName\":\"%s\",\"metaData\":{\"sharpness\":%.4f,"
                        + "\"sizeInBytes\":%d,\"snr\":%.5f,\"mean\":[0.41,0.52,0.33],\"shape\":[480,640,3],"
                        + "\"std\":[0.21,0.2,0.19],\"sumOfSquares\":[60000.1,70000.2,50000.3],"
                        + "\"sumOfValues\":[120000.5,140000.5,100000.5],\"is_corrupted\":false,"
                        + "\"corruption\":\"\"},\"exif\":{\"Make\":\"Canon\",\"Model\":\"EOS 5D\","
                        + "\"Orientation\":1,\"DateTime\":\"2024:05:01 12:00:%02d\"}}%n",
                        name, 10 + i % 50 / 10.0, 80000 + i % 5000, 2.1 + i % 7 / 10.0, i % 60));
                csv.write(name);
                for (int d = 0; d < 32; d++) {
                    csv.write("," + ((i * 31 + d * 17) % 1000) / 100.0);
                }
                csv.write("," + samples.get(i).label() + "\r\n");
                if (thumbnails) {
                    Path file = run.resolve("thumbnails").resolve(Thumbnails.nameFor(name));
                    Files.createDirectories(file.getParent());
                    Files.write(file, thumb);
                }
            }
        }
    }

    static RgbImage pattern() {
        byte[] px = new byte[128 * 96 * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) ((i * 7) ^ (i >> 5));
        }
        return new RgbImage(128, 96, px);
    }

    static ImageSource source(List<Sample> samples) {
        return new ImageSource() {
            public List<Sample> samples() { return samples; }
            public List<String> classes() { return List.of(""); }
            public List<ImageSource.Rejected> rejected() { return List.of(); }
            public byte[] read(Sample sample) { throw new UnsupportedOperationException("metadata only"); }
            public String describe() { return "synthetic"; }
        };
    }
}
