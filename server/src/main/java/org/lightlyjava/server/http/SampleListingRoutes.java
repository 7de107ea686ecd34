package org.lightlyjava.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.BitSet;
import java.util.List;
import org.lightlyjava.api.BitMask;
import org.lightlyjava.server.service.SampleListing;
import org.lightlyjava.server.service.ScoreListing;
import org.lightlyjava.server.store.DatasetRecord;
import org.lightlyjava.server.store.SamplePage;
import org.lightlyjava.server.store.SampleSummary;

/**
 * {@code GET /v1/lightly-java/datasets/{datasetId}/samples}: a page of samples for the web page's
 * grid, sorted and filtered by metadata, optionally within a tag ({@code tagId}); parameters in
 * {@link SampleListing}, scores as fields in {@link ScoreListing}. Answers {@code {"total",
 * "offset", "samples": [{"id", "index", "fileName", "sizeInBytes", "sharpness", "snr", "width",
 * "height", "value"}]}}, absent values omitted.
 */
final class SampleListingRoutes {

    static final String PATH = "/v1/lightly-java/datasets/{datasetId}/samples";

    private final Handlers h;

    SampleListingRoutes(Handlers handlers) {
        this.h = handlers;
    }

    /** The answer. */
    record Listing(long total, long offset, List<SampleSummary> samples) {}

    void register(RoutesConfig routes) {
        routes.get(PATH, this::list);
    }

    private void list(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        String tagId = ctx.queryParam("tagId");
        BitSet tag =
                tagId == null || tagId.isEmpty()
                        ? null
                        : BitMask.parse(h.services.tags().get(dataset, tagId).bitMaskData())
                                .toBitSet();
        Long offset = Params.optionalLong(ctx, "offset");
        Long limit = Params.optionalLong(ctx, "limit");
        long from = offset == null ? 0 : offset;
        long size = limit == null ? SampleListing.DEFAULT_LIMIT : limit;
        String sort = ctx.queryParam("sort");
        String order = ctx.queryParam("order");
        List<String> filters = ctx.queryParams("filter");
        SamplePage page =
                ScoreListing.involved(sort, filters)
                        ? h.services
                                .scoreListing()
                                .list(dataset, sort, order, filters, tag, from, size)
                        : h.services
                                .samples()
                                .list(
                                        dataset,
                                        SampleListing.query(sort, order, filters, tag, from, size));
        ctx.json(new Listing(page.total(), from, page.samples()));
    }
}
