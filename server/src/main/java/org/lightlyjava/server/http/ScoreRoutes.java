package org.lightlyjava.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.lightlyjava.api.model.CreateEntityResponse;
import org.lightlyjava.server.service.ScoreService;
import org.lightlyjava.server.store.DatasetRecord;

/**
 * Lightly's {@code ScoresApi}: {@code POST/GET /v1/datasets/{datasetId}/tags/{tagId}/scores} and
 * {@code GET .../scores/{scoreId}}; plus lightly-java's {@code GET
 * /v1/lightly-java/datasets/{datasetId}/scores}, every score of a dataset for the web page.
 */
final class ScoreRoutes {

    private static final String SCORES = "/v1/datasets/{datasetId}/tags/{tagId}/scores";

    private final Handlers h;

    ScoreRoutes(Handlers handlers) {
        this.h = handlers;
    }

    /** An entry of the dataset-wide list. */
    record DatasetScore(
            String id, String tagId, String tagName, String scoreType, int count, long createdAt) {}

    void register(RoutesConfig routes) {
        routes.post(SCORES, this::create);
        routes.get(SCORES, this::list);
        routes.get(SCORES + "/{scoreId}", this::get);
        routes.get("/v1/lightly-java/datasets/{datasetId}/scores", this::ofDataset);
    }

    private ScoreService scores() {
        return h.services.scores();
    }

    private void create(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        ScoreService.Upload upload = ScoreBody.read(ctx, h.maxJson());
        String id = scores().put(dataset, ctx.pathParam("tagId"), upload);
        ctx.status(201).json(new CreateEntityResponse(id));
    }

    private void list(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        ctx.json(scores().list(dataset, ctx.pathParam("tagId")));
    }

    private void get(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        ctx.json(scores().get(dataset, ctx.pathParam("tagId"), ctx.pathParam("scoreId")));
    }

    private void ofDataset(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        Map<String, String> names =
                h.services.tags().list(dataset).stream()
                        .collect(Collectors.toMap(t -> t.id(), t -> t.name()));
        List<DatasetScore> out =
                scores().ofDataset(dataset).stream()
                        .map(
                                r ->
                                        new DatasetScore(
                                                r.id(),
                                                r.tagId(),
                                                names.get(r.tagId()),
                                                r.scoreType(),
                                                r.count(),
                                                r.createdAt()))
                        .toList();
        ctx.json(out);
    }
}
