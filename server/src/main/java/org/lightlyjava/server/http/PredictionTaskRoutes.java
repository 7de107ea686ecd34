package org.lightlyjava.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.lightlyjava.api.model.CreateEntityResponse;
import org.lightlyjava.server.service.ApiProblem;
import org.lightlyjava.server.service.PredictionTaskService;
import org.lightlyjava.server.store.DatasetRecord;

/**
 * Lightly's {@code PredictionsApi}: task schemas ({@code POST/GET
 * /v1/datasets/{datasetId}/predictions/tasks}, {@code GET .../predictions/tasks/{taskName}}) and
 * per-sample predictions ({@code POST/GET .../predictions/samples/{sampleId}}, {@code GET
 * .../predictions/samples?taskName=}), each with {@code ?predictionUUIDTimestamp=}.
 */
final class PredictionTaskRoutes {

    private static final String TASKS = "/v1/datasets/{datasetId}/predictions/tasks";
    private static final String SAMPLES = "/v1/datasets/{datasetId}/predictions/samples";
    private static final String VERSION = "predictionUUIDTimestamp";

    private final Handlers h;

    PredictionTaskRoutes(Handlers handlers) {
        this.h = handlers;
    }

    void register(RoutesConfig routes) {
        routes.post(TASKS, this::put);
        routes.get(TASKS, this::list);
        routes.get(TASKS + "/{taskName}", this::get);
        routes.post(SAMPLES + "/{sampleId}", this::putSample);
        routes.get(SAMPLES + "/{sampleId}", this::getSample);
        routes.get(SAMPLES, this::listSamples);
    }

    private void putSample(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        Long version = version(ctx);
        JsonNode body = JsonBody.read(ctx, JsonNode.class, h.maxJson());
        String id =
                h.services
                        .samplePredictions()
                        .put(dataset, ctx.pathParam("sampleId"), version, body);
        ctx.status(201).json(new CreateEntityResponse(id));
    }

    private void getSample(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        ctx.json(
                h.services
                        .samplePredictions()
                        .get(dataset, ctx.pathParam("sampleId"), version(ctx)));
    }

    private void listSamples(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        ctx.json(
                h.services
                        .samplePredictions()
                        .list(dataset, version(ctx), ctx.queryParam("taskName")));
    }

    private PredictionTaskService tasks() {
        return h.services.predictionTasks();
    }

    /** Lightly's 1.2 client sends -1 when no version is given, so any whole number is taken. */
    private static Long version(Context ctx) {
        String value = ctx.queryParam(VERSION);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(
                    VERSION + " must be a whole number, got '" + shorten(value) + "'");
        }
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private void put(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        Long version = version(ctx);
        JsonNode schema = JsonBody.read(ctx, JsonNode.class, h.maxJson());
        ctx.status(201).json(new CreateEntityResponse(tasks().put(dataset, version, schema)));
    }

    private void list(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        ctx.json(tasks().list(dataset, version(ctx)));
    }

    private void get(Context ctx) {
        DatasetRecord dataset = h.dataset(ctx);
        Long version = version(ctx);
        ctx.json(tasks().get(dataset, version, ctx.pathParam("taskName")));
    }
}
