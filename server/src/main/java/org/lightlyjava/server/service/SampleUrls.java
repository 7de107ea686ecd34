package org.lightlyjava.server.service;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.lightlyjava.api.model.SampleWriteUrls;
import org.lightlyjava.server.blob.BlobKey;
import org.lightlyjava.server.blob.BlobUrls;
import org.lightlyjava.server.datasource.Datasource;
import org.lightlyjava.server.datasource.DatasourceConfigs;
import org.lightlyjava.server.datasource.RelativePaths;
import org.lightlyjava.server.datasource.ThumbSuffix;
import org.lightlyjava.server.store.DatasetRecord;
import org.lightlyjava.server.store.DatasourceRecord;
import org.lightlyjava.server.store.NewSample;
import org.lightlyjava.server.store.SampleRecord;

/**
 * Signed URLs for a sample's image and thumbnail: into the dataset's datasources where they serve
 * that use ({@link Targets}; the image at {@code fullPath + fileName}, the thumbnail where the
 * thumb suffix puts it), else into the server's blob folder. A datasource with an empty thumb
 * suffix has no thumbnails: reads show the full image, the batch route asks for none, and {@code
 * writeurl?isThumbnail=true} still answers (a URL into the blob folder) so older clients go on.
 * What the server holds itself is read from the server even when a datasource is set, so saving a
 * datasource (a broken one included) or removing it never hides an image that was visible.
 */
public final class SampleUrls {

    private final BlobUrls urls;
    private final DatasourceService datasources;

    SampleUrls(BlobUrls urls, DatasourceService datasources) {
        this.urls = urls;
        this.datasources = datasources;
    }

    /**
     * Prepares the URLs of a batch before its samples are stored: checks that the file names fit
     * the datasources.
     */
    SampleBatchUrls batch(DatasetRecord dataset, List<NewSample> samples, String mode) {
        return new SampleBatchUrls(this, dataset, datasources.targets(dataset.id()), samples, mode);
    }

    public String writeUrl(
            DatasetRecord dataset, SampleRecord sample, boolean thumbnail, String base) {
        return writeUrl(dataset, datasources.targets(dataset.id()), sample, thumbnail, base);
    }

    public SampleWriteUrls writeUrls(DatasetRecord dataset, SampleRecord sample, String base) {
        Targets targets = datasources.targets(dataset.id());
        return new SampleWriteUrls(
                writeUrl(dataset, targets, sample, false, base),
                writeUrl(dataset, targets, sample, true, base));
    }

    private String writeUrl(
            DatasetRecord dataset,
            Targets targets,
            SampleRecord sample,
            boolean thumbnail,
            String base) {
        DatasourceRecord target = thumbnail ? targets.thumbWrite() : targets.fullWrite();
        if (target != null && !(thumbnail && target.thumbSuffix().isEmpty())) {
            return datasources
                    .open(target)
                    .writeUrl(base, path(target, sample.fileName(), thumbnail));
        }
        return urls.writeUrl(base, key(dataset, sample.id(), thumbnail));
    }

    /**
     * A read URL for the image ({@code full}) or thumbnail ({@code thumbnail}).
     *
     * @throws ApiProblem 404 when that blob is in no datasource and was never uploaded
     */
    public String readUrl(DatasetRecord dataset, SampleRecord sample, String type, String base) {
        boolean thumbnail;
        if (type == null || type.equals("full")) {
            thumbnail = false;
        } else if (type.equals("thumbnail")) {
            thumbnail = true;
        } else {
            throw ApiProblem.badRequest("type must be full or thumbnail, got '" + type + "'");
        }
        Targets targets = datasources.targets(dataset.id());
        return thumbnail
                ? readThumb(dataset, targets, sample, base, null)
                : readFull(dataset, targets, sample, base, null);
    }

    /**
     * @param ttl how long the URL lasts; null: the server's read lifetime
     */
    private String readThumb(
            DatasetRecord dataset,
            Targets targets,
            SampleRecord sample,
            String base,
            Duration ttl) {
        DatasourceRecord target = targets.thumbRead();
        boolean serverHolds = sample.hasThumb();
        if (target != null && !serverHolds) {
            if (target.thumbSuffix().isEmpty()) {
                return readFull(dataset, targets, sample, base, ttl);
            }
            return inDatasource(target, base, path(target, sample.fileName(), true), ttl);
        }
        return server(dataset, sample, true, base, ttl);
    }

    private String inDatasource(DatasourceRecord target, String base, String path, Duration ttl) {
        Datasource datasource = datasources.open(target);
        return ttl == null ? datasource.readUrl(base, path) : datasource.readUrl(base, path, ttl);
    }

    /**
     * Read URLs for many samples of one dataset, its datasources looked up once (tag exports): the
     * image's, else the thumbnail's, else null when neither is anywhere to read.
     *
     * @param ttl how long the URLs last; null: the server's read lifetime
     */
    Function<SampleRecord, String> reader(DatasetRecord dataset, String base, Duration ttl) {
        Targets targets = datasources.targets(dataset.id());
        boolean fullInDatasource = targets.fullRead() != null;
        boolean thumbInDatasource = targets.thumbRead() != null;
        // Opened now: one that cannot be opened fails before any URL is handed out.
        for (DatasourceRecord target :
                new DatasourceRecord[] {targets.fullRead(), targets.thumbRead()}) {
            if (target != null) {
                datasources.open(target);
            }
        }
        return sample -> {
            if (fullInDatasource || sample.hasFull()) {
                return readFull(dataset, targets, sample, base, ttl);
            }
            if (thumbInDatasource || sample.hasThumb()) {
                return readThumb(dataset, targets, sample, base, ttl);
            }
            return null;
        };
    }

    private String readFull(
            DatasetRecord dataset,
            Targets targets,
            SampleRecord sample,
            String base,
            Duration ttl) {
        DatasourceRecord target = targets.fullRead();
        boolean serverHolds = sample.hasFull();
        if (target != null && !serverHolds) {
            return inDatasource(target, base, path(target, sample.fileName(), false), ttl);
        }
        return server(dataset, sample, false, base, ttl);
    }

    private String server(
            DatasetRecord dataset,
            SampleRecord sample,
            boolean thumbnail,
            String base,
            Duration ttl) {
        if (thumbnail ? !sample.hasThumb() : !sample.hasFull()) {
            throw ApiProblem.notFound(
                    "NOT_FOUND",
                    "sample "
                            + sample.id()
                            + " ("
                            + sample.fileName()
                            + ") has no "
                            + (thumbnail ? "thumbnail" : "image")
                            + " on this server: it was never uploaded");
        }
        BlobKey key = key(dataset, sample.id(), thumbnail);
        return ttl == null ? urls.readUrl(base, key) : urls.readUrl(base, key, ttl);
    }

    /** Where a sample's image or thumbnail lives in a datasource, relative to its full path. */
    static String path(DatasourceRecord target, String fileName, boolean thumbnail) {
        boolean local = DatasourceConfigs.LOCAL.equals(target.type());
        RelativePaths.check(fileName, "fileName", local);
        return thumbnail ? ThumbSuffix.apply(target.thumbSuffix(), fileName) : fileName;
    }

    static BlobKey key(DatasetRecord dataset, String sampleId, boolean thumbnail) {
        return thumbnail
                ? BlobKey.thumbnail(dataset.id(), sampleId)
                : BlobKey.full(dataset.id(), sampleId);
    }

    BlobUrls blobUrls() {
        return urls;
    }

    DatasourceService datasources() {
        return datasources;
    }
}
