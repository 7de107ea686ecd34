package org.lightlyjava.server.service;

import org.lightlyjava.server.datasource.DatasourceException;
import org.lightlyjava.server.store.DatasetRecord;
import org.lightlyjava.server.store.DatasourceRecord;
import org.lightlyjava.server.store.SampleRecord;

/**
 * Says why a sample's image or thumbnail cannot be shown, for the web page to write on the tile
 * instead of leaving it blank: it follows the same choice as {@link SampleUrls#readUrl} (what the
 * server holds first, then the datasources) and, for a datasource, reads the first byte with the
 * stored credentials and reports the storage's own reason.
 */
public final class ImageProblems {

    /** lightly-java's {@code GET .../samples/{sampleId}/imageProblem?type=}. */
    public record ImageProblem(String type, String source, boolean readable, String reason) {}

    private final SampleUrls urls;

    public ImageProblems(SampleUrls urls) {
        this.urls = urls;
    }

    /**
     * @param type {@code full} (also when null) or {@code thumbnail}
     * @throws ApiProblem 400 for another type
     */
    public ImageProblem check(DatasetRecord dataset, SampleRecord sample, String type) {
        boolean thumbnail = thumbnail(type);
        String kind = thumbnail ? "thumbnail" : "full";
        if (thumbnail ? sample.hasThumb() : sample.hasFull()) {
            return new ImageProblem(kind, "server", true, null);
        }
        Targets targets = urls.datasources().targets(dataset.id());
        DatasourceRecord target = thumbnail ? targets.thumbRead() : targets.fullRead();
        boolean thumbIsFull = thumbnail && target != null && target.thumbSuffix().isEmpty();
        if (thumbIsFull && sample.hasFull()) {
            return new ImageProblem(kind, "server", true, null);
        }
        if (thumbIsFull) {
            target = targets.fullRead();
        }
        if (target == null) {
            return new ImageProblem(
                    kind,
                    "none",
                    false,
                    "the "
                            + (thumbnail ? "thumbnail" : "image")
                            + " was never uploaded to the server and no datasource holds it");
        }
        String where = target.type() + " datasource " + target.fullPath();
        try {
            String path = SampleUrls.path(target, sample.fileName(), thumbnail && !thumbIsFull);
            String reason = urls.datasources().open(target).unreadable(path);
            return new ImageProblem(kind, where, reason == null, reason);
        } catch (DatasourceException e) {
            return new ImageProblem(kind, where, false, "datasource unusable: " + e.getMessage());
        }
    }

    private static boolean thumbnail(String type) {
        if (type == null || type.equals("full")) {
            return false;
        }
        if (type.equals("thumbnail")) {
            return true;
        }
        throw ApiProblem.badRequest("type must be full or thumbnail, got '" + type + "'");
    }
}
