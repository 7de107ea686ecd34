package org.lightlyjava.upload;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.lightlyjava.config.Config;
import org.lightlyjava.image.Resizing;

/**
 * Everything an upload needs from the configuration (reference §2.3).
 *
 * @param mode {@code upload=}
 * @param datasetId {@code dataset_id}, or empty
 * @param newDatasetName {@code new_dataset_name}, or empty
 * @param resize {@code resize=} for metadata and thumbnails
 * @param customMetadata {@code custom_metadata}, or null
 * @param embeddings {@code embeddings}, or null
 * @param embeddingName {@code embedding_name}
 * @param append {@code append}
 * @param threads upload threads: {@code loader.num_workers}, -1 meaning cores clamped to [8, 32]
 * @param prepareThreads decoding threads
 * @param validate {@code validate=}: strict, warn or off (the datasource check)
 */
public record UploadSettings(
        UploadMode mode,
        String datasetId,
        String newDatasetName,
        List<Double> resize,
        Path customMetadata,
        Path embeddings,
        String embeddingName,
        boolean append,
        int threads,
        int prepareThreads,
        String validate) {

    /** Lightly's rule for dataset names (its API and lightly-server refuse others). */
    private static final Pattern DATASET_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9 _-]{2,254}");

    /**
     * @throws IllegalArgumentException when a value is invalid, a dataset name the server would
     *     refuse included, so the mistake shows before any image is read
     */
    public static UploadSettings from(Config config) {
        String name = config.string("new_dataset_name");
        if (!name.isEmpty() && !DATASET_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "new_dataset_name='"
                            + name
                            + "': a dataset name must have 3 to 255 characters, start with a"
                            + " letter or digit and hold only letters, digits, spaces, _ and -");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int workers = config.integer("loader.num_workers");
        List<Double> resize = config.numbers("resize");
        Resizing.check(resize);
        return new UploadSettings(
                UploadMode.of(config.string("upload")),
                config.string("dataset_id"),
                name,
                resize,
                config.path("custom_metadata"),
                config.path("embeddings"),
                config.string("embedding_name"),
                config.bool("append"),
                workers < 0 ? Math.min(32, Math.max(8, cores)) : Math.max(1, workers),
                workers < 0 ? cores : Math.max(1, Math.min(workers, cores)),
                config.string("validate"));
    }

    /** Whether a dataset is named at all (the upload stage of lightly-magic runs only then). */
    public boolean hasDataset() {
        return !datasetId.isEmpty() || !newDatasetName.isEmpty();
    }
}
