package org.lightlyjava.server.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lightlyjava.api.model.ApiJson;
import org.lightlyjava.server.store.DatasetRecord;
import org.lightlyjava.server.store.MissingException;
import org.lightlyjava.server.store.PredictionTaskRecord;
import org.lightlyjava.server.store.PredictionTaskStore;
import org.lightlyjava.server.store.SamplePredictionStore;

/**
 * Lightly's per-sample predictions ({@code .../predictions/samples/{sampleId}}): a JSON array of
 * prediction singletons per sample and version. Each singleton is checked against the task schema
 * of its {@code taskName} in that version (which must exist): its {@code type}, a {@code
 * categoryId} of the schema, a {@code score} from 0 to 1, {@code probabilities} from 0 to 1, and
 * the geometry of its type ({@code bbox} of 4 whole numbers with a positive width and height,
 * {@code segmentation} of whole numbers, {@code keypoints} in triples). Nothing is stored half.
 */
public final class SamplePredictionService {

    private final SamplePredictionStore store;
    private final PredictionTaskStore tasks;
    private final SampleService samples;
    private final Ids ids;
    private final Clock clock;

    SamplePredictionService(
            SamplePredictionStore store,
            PredictionTaskStore tasks,
            SampleService samples,
            Ids ids,
            Clock clock) {
        this.store = store;
        this.tasks = tasks;
        this.samples = samples;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Stores a sample's singletons of a version; answers the row's id.
     *
     * @throws ApiProblem 400 naming the singleton and field that are wrong, 404 for an unknown
     *     sample
     */
    public String put(DatasetRecord dataset, String sampleId, Long version, JsonNode body) {
        samples.get(dataset, sampleId);
        long v = PredictionTaskService.version(version);
        if (!body.isArray()) {
            throw ApiProblem.badRequest("the body must be an array of prediction singletons");
        }
        Map<String, JsonNode> schemas = new HashMap<>();
        for (PredictionTaskRecord r : tasks.list(dataset.id(), v)) {
            schemas.put(r.taskName(), PredictionTaskService.parsed(r));
        }
        for (int i = 0; i < body.size(); i++) {
            check(body.get(i), "[" + i + "]", schemas, v);
        }
        try {
            return store.put(
                    ids.next(),
                    dataset.id(),
                    sampleId,
                    v,
                    ApiJson.mapper().writeValueAsString(body),
                    clock.millis());
        } catch (MissingException e) {
            throw ApiProblem.notFound("SAMPLE_UNKNOWN", e.getMessage());
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("the predictions cannot be stored: " + e.getMessage());
        }
    }

    /** A sample's singletons of a version; 404 when there are none. */
    public JsonNode get(DatasetRecord dataset, String sampleId, Long version) {
        samples.get(dataset, sampleId);
        long v = PredictionTaskService.version(version);
        return store.find(dataset.id(), sampleId, v)
                .map(SamplePredictionService::parse)
                .orElseThrow(
                        () ->
                                ApiProblem.notFound(
                                        "NOT_FOUND",
                                        "sample "
                                                + sampleId
                                                + " has no predictions of version "
                                                + v));
    }

    /** Every sample's singletons of a version (of one task), samples without any left out. */
    public List<JsonNode> list(DatasetRecord dataset, Long version, String taskName) {
        long v = PredictionTaskService.version(version);
        List<JsonNode> out = new ArrayList<>();
        for (String json : store.list(dataset.id(), v)) {
            ArrayNode singletons = (ArrayNode) parse(json);
            if (taskName != null && !taskName.isEmpty()) {
                ArrayNode kept = ApiJson.mapper().createArrayNode();
                singletons.forEach(
                        s -> {
                            if (taskName.equals(s.path("taskName").asText())) {
                                kept.add(s);
                            }
                        });
                singletons = kept;
            }
            if (!singletons.isEmpty()) {
                out.add(singletons);
            }
        }
        return out;
    }

    private static void check(JsonNode s, String at, Map<String, JsonNode> schemas, long v) {
        if (!s.isObject()) {
            throw ApiProblem.badRequest(at + " must be an object");
        }
        JsonNode task = s.get("taskName");
        JsonNode schema = task != null && task.isTextual() ? schemas.get(task.asText()) : null;
        if (schema == null) {
            throw ApiProblem.badRequest(
                    at
                            + ".taskName: no task schema "
                            + task
                            + " for predictionUUIDTimestamp "
                            + v
                            + ": create it first (POST .../predictions/tasks)");
        }
        String type = schema.get("type").asText();
        if (!type.equals(s.path("type").asText(null))) {
            throw ApiProblem.badRequest(at + ".type must be " + type + ", the task's type");
        }
        JsonNode category = s.get("categoryId");
        boolean known = false;
        for (JsonNode c : schema.get("categories")) {
            known |=
                    category != null && category.isIntegralNumber() && c.get("id").equals(category);
        }
        if (!known) {
            throw ApiProblem.badRequest(
                    at + ".categoryId must be the id of one of the task's categories");
        }
        if (!unit(s.get("score"))) {
            throw ApiProblem.badRequest(at + ".score must be a number from 0 to 1");
        }
        JsonNode probabilities = s.get("probabilities");
        if (probabilities != null && !probabilities.isNull()) {
            if (!probabilities.isArray()) {
                throw ApiProblem.badRequest(at + ".probabilities must be an array");
            }
            for (JsonNode p : probabilities) {
                if (!unit(p)) {
                    throw ApiProblem.badRequest(
                            at + ".probabilities must hold numbers from 0 to 1");
                }
            }
        }
        geometry(s, at, type);
    }

    private static void geometry(JsonNode s, String at, String type) {
        switch (type) {
            case "OBJECT_DETECTION" -> {
                JsonNode bbox = s.get("bbox");
                if (!wholeNumbers(bbox)
                        || bbox.size() != 4
                        || bbox.get(0).asLong() < 0
                        || bbox.get(1).asLong() < 0
                        || bbox.get(2).asLong() <= 0
                        || bbox.get(3).asLong() <= 0) {
                    throw ApiProblem.badRequest(
                            at
                                    + ".bbox must be [x, y, width, height], whole numbers, x and y at"
                                    + " least 0, width and height above 0");
                }
            }
            case "SEMANTIC_SEGMENTATION", "INSTANCE_SEGMENTATION" -> {
                if (!wholeNumbers(s.get("segmentation"))) {
                    throw ApiProblem.badRequest(
                            at + ".segmentation must be an array of whole numbers (RLE)");
                }
            }
            case "KEYPOINT_DETECTION" -> {
                JsonNode keypoints = s.get("keypoints");
                boolean ok = keypoints != null && keypoints.isArray() && keypoints.size() % 3 == 0;
                for (JsonNode k : ok ? keypoints : ApiJson.mapper().createArrayNode()) {
                    ok &= k.isNumber();
                }
                if (!ok) {
                    throw ApiProblem.badRequest(
                            at + ".keypoints must be numbers in triples (x, y, confidence)");
                }
            }
            default -> {
                // CLASSIFICATION has no geometry
            }
        }
    }

    private static boolean unit(JsonNode n) {
        return n != null && n.isNumber() && n.asDouble() >= 0 && n.asDouble() <= 1;
    }

    private static boolean wholeNumbers(JsonNode n) {
        if (n == null || !n.isArray()) {
            return false;
        }
        for (JsonNode v : n) {
            if (!v.isIntegralNumber()) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode parse(String json) {
        try {
            return ApiJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored predictions are not JSON", e);
        }
    }
}
