package org.lightlyjava.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.lightlyjava.api.model.ApiJson;
import org.lightlyjava.dataset.Sample;
import org.lightlyjava.image.ImageMetrics;
import org.lightlyjava.image.Resizing;
import org.lightlyjava.image.RgbImage;
import org.lightlyjava.image.Thumbnails;
import org.lightlyjava.pipeline.ImageLoader;
import org.lightlyjava.pipeline.Loaded;

/**
 * Prepares a sample from its image file: decode, optional {@code resize}, Lightly's metadata, EXIF
 * and, when the mode needs one, the thumbnail. Thread-safe; a bad file becomes a failed {@link
 * PreparedSample}, never an exception.
 */
final class DecodingPreparer implements Preparer {

    private static final ObjectMapper JSON = ApiJson.mapper();

    private final ImageLoader loader;
    private final UploadMode mode;
    private final List<Double> resize;

    DecodingPreparer(ImageLoader loader, UploadMode mode, List<Double> resize) {
        this.loader = loader;
        this.mode = mode;
        this.resize = resize;
    }

    @Override
    public PreparedSample prepare(Sample sample) {
        Loaded loaded = loader.load(sample);
        if (!loaded.ok()) {
            return PreparedSample.failed(sample, loaded.error());
        }
        RgbImage image = Resizing.apply(loaded.image().image(), resize);
        return new PreparedSample(
                sample,
                JSON.valueToTree(ImageMetrics.compute(image).toMetaData(loaded.sizeInBytes())),
                loaded.image().exif().isEmpty() ? null : JSON.valueToTree(loaded.image().exif()),
                mode.thumbnails() ? Thumbnails.webp(image) : null,
                null);
    }
}
