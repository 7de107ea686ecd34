package org.lightlyjava.embed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lightlyjava.dataset.Sample;
import org.lightlyjava.image.ImageMetrics;
import org.lightlyjava.image.Preprocess;
import org.lightlyjava.image.Resizing;
import org.lightlyjava.image.RgbImage;
import org.lightlyjava.image.Thumbnails;
import org.lightlyjava.model.Embedder;
import org.lightlyjava.pipeline.ImageLoader;
import org.lightlyjava.pipeline.Loaded;
import org.lightlyjava.pipeline.Prefetcher;
import org.lightlyjava.run.Outcome;
import org.lightlyjava.run.Progress;

/**
 * Embeds a list of samples in one streaming pass: worker threads read, decode, measure and resize
 * images while the model runs the previous batch; results reach the sink in sample order. Memory
 * depends on the batch size and thread count, never on the number of images.
 */
public final class EmbedPipeline {

    /**
     * @param preprocess how an image becomes the model input ({@code collate.input_size}, {@code
     *     embed.*})
     * @param batchSize images per forward pass ({@code loader.batch_size})
     * @param threads decoding threads
     * @param withMetadata also compute Lightly's per-image metadata and read EXIF
     * @param withThumbnails also make each image's WebP thumbnail
     * @param resize Lightly's {@code resize=} for metadata and thumbnails ({@link Resizing})
     */
    public record Settings(
            Preprocess preprocess,
            int batchSize,
            int threads,
            boolean withMetadata,
            boolean withThumbnails,
            List<Double> resize) {

        /** Embeddings only. */
        public static Settings embeddingsOnly(Preprocess preprocess, int batchSize, int threads) {
            return new Settings(preprocess, batchSize, threads, false, false, List.of());
        }
    }

    /** Receives results in sample order, from one thread. */
    public interface Sink {

        void embedded(Sample sample, float[] embedding, Prepared prepared) throws IOException;

        void failed(Sample sample, String reason) throws IOException;
    }

    /**
     * A sample made ready for the model by a worker.
     *
     * @param tensor the normalised CHW input, or {@code null} on failure
     * @param metaData Lightly's {@code metaData} object, or {@code null} when not asked for
     * @param exif EXIF tags, or {@code null} when not asked for
     * @param thumbnail the WebP thumbnail, or {@code null} when not asked for
     * @param error why it failed, or {@code null}
     */
    public record Prepared(
            Sample sample,
            float[] tensor,
            Map<String, Object> metaData,
            Map<String, Object> exif,
            byte[] thumbnail,
            String error) {}

    private final ImageLoader loader;
    private final Embedder embedder;
    private final Settings settings;
    private final Progress.Factory progress;

    public EmbedPipeline(
            ImageLoader loader, Embedder embedder, Settings settings, Progress.Factory progress) {
        this.loader = loader;
        this.embedder = embedder;
        this.settings = settings;
        this.progress = progress;
    }

    /** Embeds {@code samples}; every one reaches the sink, embedded or failed. */
    public Outcome run(List<Sample> samples, Sink sink) throws IOException {
        int batchSize = Math.max(1, Math.min(settings.batchSize(), samples.size()));
        int window = Math.max(2 * batchSize, 4 * settings.threads());
        float[] batch = new float[batchSize * settings.preprocess().tensorLength()];
        List<Prepared> members = new ArrayList<>(batchSize);
        long done = 0;
        long failed = 0;
        try (Progress bar = progress.start("embed", samples.size(), "img");
                Prefetcher<Sample, Prepared> prepared =
                        new Prefetcher<>(
                                samples.iterator(),
                                this::prepare,
                                settings.threads(),
                                window,
                                "decode")) {
            while (prepared.hasNext()) {
                Prepared item = prepared.next();
                if (item.error() != null) {
                    sink.failed(item.sample(), item.error());
                    failed++;
                    bar.step(1);
                    continue;
                }
                System.arraycopy(
                        item.tensor(),
                        0,
                        batch,
                        members.size() * item.tensor().length,
                        item.tensor().length);
                members.add(item);
                if (members.size() == batchSize) {
                    done += flush(batch, members, sink, bar);
                }
            }
            done += flush(batch, members, sink, bar);
        }
        return new Outcome(done, failed);
    }

    private int flush(float[] batch, List<Prepared> members, Sink sink, Progress bar)
            throws IOException {
        if (members.isEmpty()) {
            return 0;
        }
        float[][] embeddings =
                embedder.embed(batch, members.size(), settings.preprocess().inputSize());
        for (int i = 0; i < members.size(); i++) {
            sink.embedded(members.get(i).sample(), embeddings[i], members.get(i));
        }
        int count = members.size();
        members.clear();
        bar.step(count);
        return count;
    }

    /** Runs on a worker thread: decode, measure, resize to the model input. */
    private Prepared prepare(Sample sample) {
        Loaded loaded = loader.load(sample);
        if (!loaded.ok()) {
            return new Prepared(sample, null, null, null, null, loaded.error());
        }
        RgbImage image = loaded.image().image();
        Map<String, Object> metaData = null;
        Map<String, Object> exif = null;
        byte[] thumbnail = null;
        if (settings.withMetadata() || settings.withThumbnails()) {
            RgbImage forUpload = Resizing.apply(image, settings.resize());
            if (settings.withMetadata()) {
                metaData = ImageMetrics.compute(forUpload).toMetaData(loaded.sizeInBytes());
                exif = loaded.image().exif();
            }
            if (settings.withThumbnails()) {
                thumbnail = Thumbnails.webp(forUpload);
            }
        }
        float[] tensor = new float[settings.preprocess().tensorLength()];
        settings.preprocess().toTensor(image, tensor, 0);
        return new Prepared(sample, tensor, metaData, exif, thumbnail, null);
    }
}
