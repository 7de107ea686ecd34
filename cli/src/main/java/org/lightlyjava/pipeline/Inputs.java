package org.lightlyjava.pipeline;

import org.lightlyjava.config.Config;
import org.lightlyjava.dataset.DatasetException;
import org.lightlyjava.dataset.FolderSource;
import org.lightlyjava.dataset.ImageSource;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.ToolException;
import org.lightlyjava.s3.S3Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the images of {@code input_dir} and the worker count of {@code loader.num_workers}. */
public final class Inputs {

    private static final Logger log = LoggerFactory.getLogger(Inputs.class);

    private Inputs() {}

    /**
     * Scans {@code input_dir} (a folder, or {@code s3://bucket/prefix/} with {@code endpoint_url}),
     * logs every refused file by name, and fails when nothing is left. The caller closes the
     * source.
     *
     * @throws ToolException with {@link ExitCode#CONFIG} when the folder or bucket is missing,
     *     unreadable (credentials) or empty
     */
    public static ImageSource open(Config config) {
        if (!config.isSet("input_dir")) {
            throw new ToolException(
                    ExitCode.CONFIG,
                    "input_dir is not set: pass input_dir=<folder of images> or"
                            + " input_dir=s3://bucket/prefix/");
        }
        ImageSource source;
        try {
            source = scan(config);
        } catch (DatasetException e) {
            throw new ToolException(ExitCode.CONFIG, e.getMessage(), e);
        }
        for (ImageSource.Rejected rejected : source.rejected()) {
            log.warn("skipped {}: {}", rejected.fileName(), rejected.reason());
        }
        if (source.samples().isEmpty()) {
            source.close();
            throw new ToolException(
                    ExitCode.CONFIG,
                    "no images found in "
                            + source.describe()
                            + " (extensions: .jpg .jpeg .png .ppm .bmp .pgm .tif .tiff .webp)");
        }
        log.info(
                "{} images in {} ({} classes)",
                source.samples().size(),
                source.describe(),
                source.classes().size());
        return source;
    }

    private static ImageSource scan(Config config) {
        // Config.path would resolve s3://... against the working directory: read it as text.
        String input = config.string("input_dir");
        if (S3Source.isS3(input)) {
            return S3Source.open(input, config.string("endpoint_url"));
        }
        return FolderSource.scan(config.path("input_dir"));
    }

    /** Decoding threads: {@code loader.num_workers}, with -1 meaning one per core. */
    public static int workers(Config config) {
        int workers = config.integer("loader.num_workers");
        return workers < 0 ? Runtime.getRuntime().availableProcessors() : Math.max(1, workers);
    }
}
