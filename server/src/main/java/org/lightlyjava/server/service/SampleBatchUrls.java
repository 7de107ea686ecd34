package org.lightlyjava.server.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.lightlyjava.api.model.SampleBatchResponse;
import org.lightlyjava.server.store.BatchItem;
import org.lightlyjava.server.store.DatasetRecord;
import org.lightlyjava.server.store.DatasourceRecord;
import org.lightlyjava.server.store.NewSample;

/**
 * The write URLs of one batch, only for blobs that are missing. In the server's blob folder the
 * sample's flags say what it holds. In a datasource, PUTs go straight to the bucket, so the
 * datasource itself is asked, once per batch: the key range of the batch's thumbnails (or images)
 * is listed, which for a batch of sorted names is one list call.
 */
final class SampleBatchUrls {

    private final SampleUrls urls;
    private final DatasetRecord dataset;
    private final List<NewSample> samples;
    private final boolean thumbs;
    private final boolean fulls;
    private final DatasourceRecord thumbTarget;
    private final DatasourceRecord fullTarget;
    private final List<String> thumbPaths;
    private final List<String> fullPaths;

    SampleBatchUrls(
            SampleUrls urls,
            DatasetRecord dataset,
            Targets targets,
            List<NewSample> samples,
            String mode) {
        this.urls = urls;
        this.dataset = dataset;
        this.samples = samples;
        this.thumbs = !mode.equals("none");
        this.fulls = mode.equals("full");
        this.thumbTarget = thumbs ? targets.thumbWrite() : null;
        this.fullTarget = fulls ? targets.fullWrite() : null;
        this.thumbPaths =
                new ArrayList<>(java.util.Collections.nCopies(samples.size(), (String) null));
        this.fullPaths =
                new ArrayList<>(java.util.Collections.nCopies(samples.size(), (String) null));
        for (int i = 0; i < samples.size(); i++) {
            NewSample s = samples.get(i);
            if (thumbTarget != null
                    && !thumbTarget.thumbSuffix().isEmpty()
                    && s.thumbName() != null) {
                thumbPaths.set(i, SampleUrls.path(thumbTarget, s.fileName(), true));
            }
            if (fullTarget != null) {
                fullPaths.set(i, SampleUrls.path(fullTarget, s.fileName(), false));
            }
        }
    }

    /** The answer, one item per stored sample (same order as the request). */
    List<SampleBatchResponse.Item> answer(List<BatchItem> items, String base) {
        Set<String> thumbsHeld = existing(thumbTarget, thumbPaths);
        Set<String> fullsHeld = existing(fullTarget, fullPaths);
        List<SampleBatchResponse.Item> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            BatchItem item = items.get(i);
            String thumb = null;
            String full = null;
            if (thumbs && samples.get(i).thumbName() != null) {
                thumb = url(thumbTarget, thumbPaths.get(i), thumbsHeld, item, true, base);
            }
            if (fulls) {
                full = url(fullTarget, fullPaths.get(i), fullsHeld, item, false, base);
            }
            out.add(
                    new SampleBatchResponse.Item(
                            item.fileName(), item.id(), item.created(), thumb, full));
        }
        return out;
    }

    private String url(
            DatasourceRecord target,
            String path,
            Set<String> held,
            BatchItem item,
            boolean thumbnail,
            String base) {
        if (target == null) {
            boolean has = thumbnail ? item.hasThumb() : item.hasFull();
            return has
                    ? null
                    : urls.blobUrls().writeUrl(base, SampleUrls.key(dataset, item.id(), thumbnail));
        }
        if (path == null || held.contains(path)) {
            return null; // no thumbnails in this datasource, or already there
        }
        return urls.datasources().open(target).writeUrl(base, path);
    }

    private Set<String> existing(DatasourceRecord target, List<String> paths) {
        if (target == null) {
            return Set.of();
        }
        List<String> wanted = paths.stream().filter(Objects::nonNull).toList();
        return wanted.isEmpty() ? Set.of() : urls.datasources().open(target).existing(wanted);
    }
}
