package org.lightlyjava.server.service;

import org.lightlyjava.api.model.SampleBatchResponse;
import org.lightlyjava.api.model.SampleWriteUrls;
import org.lightlyjava.server.blob.BlobKey;
import org.lightlyjava.server.blob.BlobUrls;
import org.lightlyjava.server.store.BatchItem;
import org.lightlyjava.server.store.DatasetRecord;
import org.lightlyjava.server.store.SampleRecord;

/** Signed URLs for a sample's image and thumbnail. */
public final class SampleUrls {

    private final BlobUrls urls;

    SampleUrls(BlobUrls urls) {
        this.urls = urls;
    }

    /**
     * One answer of the batch route: write URLs only for blobs the server does not hold. Mode
     * {@code thumbnail}: the thumbnail of a sample with a {@code thumbName}; {@code full}: that and
     * the image.
     */
    SampleBatchResponse.Item batchItem(
            String datasetId, BatchItem item, String mode, boolean hasThumbName, String base) {
        String thumb = null;
        String full = null;
        if (!mode.equals("none") && hasThumbName && !item.hasThumb()) {
            thumb = urls.writeUrl(base, BlobKey.thumbnail(datasetId, item.id()));
        }
        if (mode.equals("full") && !item.hasFull()) {
            full = urls.writeUrl(base, BlobKey.full(datasetId, item.id()));
        }
        return new SampleBatchResponse.Item(
                item.fileName(), item.id(), item.created(), thumb, full);
    }

    public String writeUrl(
            DatasetRecord dataset, SampleRecord sample, boolean thumbnail, String base) {
        BlobKey key =
                thumbnail
                        ? BlobKey.thumbnail(dataset.id(), sample.id())
                        : BlobKey.full(dataset.id(), sample.id());
        return urls.writeUrl(base, key);
    }

    public SampleWriteUrls writeUrls(DatasetRecord dataset, SampleRecord sample, String base) {
        return new SampleWriteUrls(
                writeUrl(dataset, sample, false, base), writeUrl(dataset, sample, true, base));
    }

    /**
     * A read URL for the image ({@code full}) or thumbnail ({@code thumbnail}).
     *
     * @throws ApiProblem 404 when that blob was never uploaded
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
        BlobKey key =
                thumbnail
                        ? BlobKey.thumbnail(dataset.id(), sample.id())
                        : BlobKey.full(dataset.id(), sample.id());
        return urls.readUrl(base, key);
    }
}
