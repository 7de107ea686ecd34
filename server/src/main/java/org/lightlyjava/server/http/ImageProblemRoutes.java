package org.lightlyjava.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.lightlyjava.server.service.ImageProblems;
import org.lightlyjava.server.store.DatasetRecord;
import org.lightlyjava.server.store.SampleRecord;

/**
 * lightly-java's {@code GET
 * /v1/datasets/{datasetId}/samples/{sampleId}/imageProblem?type=full|thumbnail}: where the image or
 * thumbnail comes from, whether it can be read, and if not why (the storage's own reason). The web
 * page asks when an image fails to load, and writes the reason on the tile.
 */
final class ImageProblemRoutes {

    private final Handlers h;

    ImageProblemRoutes(Handlers handlers) {
        this.h = handlers;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/datasets/{datasetId}/samples/{sampleId}/imageProblem", this::check);
    }

    private void check(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        SampleRecord sample = h.services.samples().get(dataset, ctx.pathParam("sampleId"));
        ctx.json(
                new ImageProblems(h.services.sampleUrls())
                        .check(dataset, sample, ctx.queryParam("type")));
    }
}
