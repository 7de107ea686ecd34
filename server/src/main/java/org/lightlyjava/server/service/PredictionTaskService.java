package org.lightlyjava.server.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.lightlyjava.api.model.ApiJson;
import org.lightlyjava.server.store.DatasetRecord;
import org.lightlyjava.server.store.MissingException;
import org.lightlyjava.server.store.PredictionTaskRecord;
import org.lightlyjava.server.store.PredictionTaskStore;

/**
 * Lightly's prediction task schemas ({@code PredictionsApi}: {@code .../predictions/tasks}): per
 * version of a dataset's predictions ({@code predictionUUIDTimestamp}) and task name, {@code
 * {"name", "type", "categories": [{"id", "name"}]}}. A schema is checked completely before it is
 * stored; it is kept as sent.
 */
public final class PredictionTaskService {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_+=,.@:/-]{1,255}");
    private static final Set<String> TYPES =
            Set.of(
                    "CLASSIFICATION",
                    "OBJECT_DETECTION",
                    "SEMANTIC_SEGMENTATION",
                    "INSTANCE_SEGMENTATION",
                    "KEYPOINT_DETECTION");

    private final PredictionTaskStore store;
    private final Ids ids;
    private final Clock clock;

    PredictionTaskService(PredictionTaskStore store, Ids ids, Clock clock) {
        this.store = store;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Stores a schema (replacing the one of its version and name); answers its id.
     *
     * @throws ApiProblem 400 naming the field that is wrong
     */
    public String put(DatasetRecord dataset, Long version, JsonNode schema) {
        long v = version(version);
        String name = check(schema);
        String json;
        try {
            json = ApiJson.mapper().writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("the schema cannot be stored: " + e.getOriginalMessage());
        }
        try {
            return store.put(
                    new PredictionTaskRecord(
                            ids.next(), dataset.id(), v, name, json, clock.millis()));
        } catch (MissingException e) {
            throw ApiProblem.notFound("DATASET_UNKNOWN", e.getMessage());
        }
    }

    /** The schemas of a version, or without one the newest of each task. */
    public List<JsonNode> list(DatasetRecord dataset, Long version) {
        return store.list(dataset.id(), version == null ? null : version(version)).stream()
                .map(PredictionTaskService::parsed)
                .toList();
    }

    /**
     * One task's schema of a version.
     *
     * @throws ApiProblem 404 when there is none
     */
    public JsonNode get(DatasetRecord dataset, Long version, String taskName) {
        long v = version(version);
        return store.find(dataset.id(), v, taskName)
                .map(PredictionTaskService::parsed)
                .orElseThrow(
                        () ->
                                ApiProblem.notFound(
                                        "NOT_FOUND",
                                        "no prediction task '"
                                                + Ids.shorten(taskName)
                                                + "' for predictionUUIDTimestamp "
                                                + v));
    }

    static long version(Long version) {
        // Lightly's 1.2 client sends -1 when the caller gives no version
        if (version == null || version < -1) {
            throw ApiProblem.badRequest(
                    "predictionUUIDTimestamp is required: a whole number, -1 or more (Unix ms)");
        }
        return version;
    }

    /** Checks a schema; answers its name. */
    private static String check(JsonNode schema) {
        if (!schema.isObject()) {
            throw ApiProblem.badRequest("the body must be a prediction task schema object");
        }
        JsonNode name = schema.get("name");
        if (name == null || !name.isTextual() || !NAME.matcher(name.asText()).matches()) {
            throw ApiProblem.badRequest(
                    "name must be 1 to 255 of a-z A-Z 0-9 _ + = , . @ : / -, got " + name);
        }
        JsonNode type = schema.get("type");
        if (type == null || !type.isTextual() || !TYPES.contains(type.asText())) {
            throw ApiProblem.badRequest("type must be one of " + TYPES + ", got " + type);
        }
        JsonNode categories = schema.get("categories");
        if (categories == null || !categories.isArray()) {
            throw ApiProblem.badRequest("categories must be an array of {\"id\", \"name\"}");
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < categories.size(); i++) {
            JsonNode c = categories.get(i);
            JsonNode id = c.get("id");
            if (id == null || !id.isIntegralNumber() || id.asLong() < 0) {
                throw ApiProblem.badRequest(
                        "categories[" + i + "].id must be a whole number of at least 0");
            }
            if (!seen.add(id.asLong())) {
                throw ApiProblem.badRequest(
                        "categories[" + i + "].id " + id.asLong() + " is there twice");
            }
            JsonNode label = c.get("name");
            if (label == null || !label.isTextual() || label.asText().isEmpty()) {
                throw ApiProblem.badRequest(
                        "categories[" + i + "].name must be a non-empty string");
            }
        }
        return name.asText();
    }

    static JsonNode parsed(PredictionTaskRecord r) {
        try {
            return ApiJson.mapper().readTree(r.schemaJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored schema of " + r.id() + " is not JSON", e);
        }
    }
}
